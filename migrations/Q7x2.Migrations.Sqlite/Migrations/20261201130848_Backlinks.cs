using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Every record that points at an entity, grouped by how it does, in time order, and each group's size: what an entity's detail
    /// embeds as backlinks. The <c>BacklinkRows</c> view says which rows a record has; triggers on the tables a record is stored in
    /// recompute its rows from it whenever it changes, and triggers on <c>Backlinks</c> keep <c>BacklinkCounts</c>, so every writer
    /// (the seeder, curators' writes, another process) keeps both without knowing of them. Names are not stored: a detail joins
    /// them when it reads, so renaming a record touches no backlink.
    /// </summary>
    public partial class Backlinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BacklinkCounts",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "TEXT", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Records = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklinkCounts", x => new { x.TargetId, x.Relation, x.RecordKind });
                });

            migrationBuilder.CreateTable(
                name: "Backlinks",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "TEXT", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DateKey = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Backlinks", x => new { x.RecordId, x.Relation, x.TargetId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Backlinks_TargetId_Relation_RecordKind_DateKey_RecordId",
                table: "Backlinks",
                columns: new[] { "TargetId", "Relation", "RecordKind", "DateKey", "RecordId" });

            // What points at what: an entity's links (participants, parties, a crossing's countries and what it connects), its single
            // references (country, enclosing place or event, place, the event an agreement was signed at), an observation's subjects,
            // and the entity a fact or an observation is attributed to. A record that gives a row twice (a crossing's country both as
            // link and reference) keeps one: rows go in with OR IGNORE.
            migrationBuilder.Sql("""
                CREATE VIEW "BacklinkRows" AS
                SELECT l."TargetId" AS "TargetId", l."Role" AS "Relation", e."Kind" AS "RecordKind", e."DateKey" AS "DateKey", e."Id" AS "RecordId"
                FROM "Entities" AS e JOIN "EntityLinks" AS l ON l."EntityId" = e."Id"
                UNION ALL
                SELECT e."CountryId", 'country', e."Kind", e."DateKey", e."Id" FROM "Entities" AS e WHERE e."CountryId" IS NOT NULL
                UNION ALL
                SELECT e."PartOfId", 'partOf', e."Kind", e."DateKey", e."Id" FROM "Entities" AS e WHERE e."PartOfId" IS NOT NULL
                UNION ALL
                SELECT e."PlaceId", 'place', e."Kind", e."DateKey", e."Id" FROM "Entities" AS e WHERE e."PlaceId" IS NOT NULL
                UNION ALL
                SELECT e."EventId", 'event', e."Kind", e."DateKey", e."Id" FROM "Entities" AS e WHERE e."EventId" IS NOT NULL
                UNION ALL
                SELECT s."EntityId", 'subject', 'observation', o."PeriodKey", o."Id"
                FROM "Observations" AS o JOIN "ObservationSubjects" AS s ON s."ObservationId" = o."Id"
                UNION ALL
                SELECT f."AttributionId", 'attribution', 'fact', f."DateKey", f."Id" FROM "Facts" AS f WHERE f."AttributionId" IS NOT NULL
                UNION ALL
                SELECT o."AttributionId", 'attribution', 'observation', o."PeriodKey", o."Id" FROM "Observations" AS o WHERE o."AttributionId" IS NOT NULL;
                """);

            // Each group's size, counted: the fill here and the seeder's after a first load read it.
            migrationBuilder.Sql("""
                CREATE VIEW "BacklinkCountRows" AS
                SELECT "TargetId", "Relation", "RecordKind", count(*) AS "Records"
                FROM (SELECT DISTINCT "TargetId", "Relation", "RecordKind", "RecordId" FROM "BacklinkRows")
                GROUP BY "TargetId", "Relation", "RecordKind";
                """);

            foreach (var sql in Triggers)
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "Backlinks" ("TargetId", "Relation", "RecordKind", "DateKey", "RecordId")
                SELECT "TargetId", "Relation", "RecordKind", "DateKey", "RecordId" FROM "BacklinkRows";
                """);
        }

        /// <summary>The triggers that keep both tables, by name.</summary>
        private static readonly string[] TriggerNames =
        [
            "EntityInserted", "EntityUpdated", "EntityDeleted", "LinkInserted", "LinkDeleted", "LinkUpdated",
            "FactInserted", "FactUpdated", "FactDeleted", "ObservationInserted", "ObservationUpdated", "ObservationDeleted",
            "SubjectInserted", "SubjectDeleted", "SubjectUpdated", "RowInserted", "RowDeleted",
        ];

        private static IEnumerable<string> Triggers
        {
            get
            {
                // Recomputing one record's rows: what every trigger on a record's tables does, for the record a change concerns.
                static string Refresh(string recordId) => $"""
                        DELETE FROM "Backlinks" WHERE "RecordId" = {recordId};
                        INSERT OR IGNORE INTO "Backlinks" ("TargetId", "Relation", "RecordKind", "DateKey", "RecordId")
                        SELECT "TargetId", "Relation", "RecordKind", "DateKey", "RecordId" FROM "BacklinkRows" WHERE "RecordId" = {recordId};
                    """;
                static string Removed(string recordId) => $"""
                        DELETE FROM "Backlinks" WHERE "RecordId" = {recordId};
                    """;
                static string Trigger(string name, string when, string table, string body) =>
                    $"CREATE TRIGGER \"Backlinks_{name}\" {when} ON \"{table}\" BEGIN\n{body}END;";

                yield return Trigger("EntityInserted", "AFTER INSERT", "Entities", Refresh("NEW.\"Id\""));
                yield return Trigger("EntityUpdated", "AFTER UPDATE OF \"Kind\", \"CountryId\", \"PartOfId\", \"PlaceId\", \"EventId\", \"DateFrom\"",
                    "Entities", Refresh("NEW.\"Id\""));
                yield return Trigger("EntityDeleted", "AFTER DELETE", "Entities", Removed("OLD.\"Id\""));
                yield return Trigger("LinkInserted", "AFTER INSERT", "EntityLinks", Refresh("NEW.\"EntityId\""));
                yield return Trigger("LinkDeleted", "AFTER DELETE", "EntityLinks", Refresh("OLD.\"EntityId\""));
                yield return Trigger("LinkUpdated", "AFTER UPDATE", "EntityLinks", Refresh("OLD.\"EntityId\"") + Refresh("NEW.\"EntityId\""));
                yield return Trigger("FactInserted", "AFTER INSERT", "Facts", Refresh("NEW.\"Id\""));
                yield return Trigger("FactUpdated", "AFTER UPDATE OF \"AttributionId\", \"DateFrom\"", "Facts", Refresh("NEW.\"Id\""));
                yield return Trigger("FactDeleted", "AFTER DELETE", "Facts", Removed("OLD.\"Id\""));
                yield return Trigger("ObservationInserted", "AFTER INSERT", "Observations", Refresh("NEW.\"Id\""));
                yield return Trigger("ObservationUpdated", "AFTER UPDATE OF \"AttributionId\", \"PeriodFrom\"", "Observations", Refresh("NEW.\"Id\""));
                yield return Trigger("ObservationDeleted", "AFTER DELETE", "Observations", Removed("OLD.\"Id\""));
                yield return Trigger("SubjectInserted", "AFTER INSERT", "ObservationSubjects", Refresh("NEW.\"ObservationId\""));
                yield return Trigger("SubjectDeleted", "AFTER DELETE", "ObservationSubjects", Refresh("OLD.\"ObservationId\""));
                yield return Trigger("SubjectUpdated", "AFTER UPDATE", "ObservationSubjects",
                    Refresh("OLD.\"ObservationId\"") + Refresh("NEW.\"ObservationId\""));

                // The groups' sizes follow the rows.
                yield return Trigger("RowInserted", "AFTER INSERT", "Backlinks", """
                        INSERT INTO "BacklinkCounts" ("TargetId", "Relation", "RecordKind", "Records")
                        VALUES (NEW."TargetId", NEW."Relation", NEW."RecordKind", 1)
                        ON CONFLICT ("TargetId", "Relation", "RecordKind") DO UPDATE SET "Records" = "Records" + 1;
                    """);
                yield return Trigger("RowDeleted", "AFTER DELETE", "Backlinks", """
                        UPDATE "BacklinkCounts" SET "Records" = "Records" - 1
                        WHERE "TargetId" = OLD."TargetId" AND "Relation" = OLD."Relation" AND "RecordKind" = OLD."RecordKind";
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in TriggerNames)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"Backlinks_{trigger}\";");
            }

            migrationBuilder.Sql("DROP VIEW \"BacklinkCountRows\";");
            migrationBuilder.Sql("DROP VIEW \"BacklinkRows\";");

            migrationBuilder.DropTable(
                name: "BacklinkCounts");

            migrationBuilder.DropTable(
                name: "Backlinks");
        }
    }
}
