using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// <c>Backlinks</c> in the order a detail reads it: a WITHOUT ROWID table keyed by target, relation, record kind, date key and
    /// record, so a group's first rows sit together on a page or two instead of one table page each, and with what a detail shows of
    /// a record that is the record's own: its date, and its name when it is an entity (a fact's or an observation's name is made of
    /// other records' names, which a reader joins: a renamed entity then touches no backlink of those). At 10,000 sources a hub's
    /// detail read its 129 backlinks through about 600 page lookups on tables a detail's other reads push out of a connection's page
    /// cache; it now reads about 30. A record's rows are found by the unique index on (record, relation, target) its triggers use.
    /// The table is derived, so it is rebuilt from the view (the counts do not change: the rows are the same).
    /// EF Core cannot express WITHOUT ROWID: a later migration that changes this table must keep it.
    /// </summary>
    public partial class BacklinksInReadOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Rebuild(inReadOrder: true))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Rebuild(inReadOrder: false))
            {
                migrationBuilder.Sql(sql);
            }
        }

        private static readonly string[] TriggerNames =
        [
            "EntityInserted", "EntityUpdated", "EntityDeleted", "LinkInserted", "LinkDeleted", "LinkUpdated",
            "FactInserted", "FactUpdated", "FactDeleted", "ObservationInserted", "ObservationUpdated", "ObservationDeleted",
            "SubjectInserted", "SubjectDeleted", "SubjectUpdated", "RowInserted", "RowDeleted",
        ];

        private const string DateColumns = "\"DateText\", \"DateFrom\", \"DateTo\", \"DatePrecision\", \"DateQualifier\", \"DateBasis\", \"DateNote\"";

        /// <summary>The statements that turn the table into the new shape (or back into the old one, for Down).</summary>
        private static IEnumerable<string> Rebuild(bool inReadOrder)
        {
            foreach (var trigger in TriggerNames)
            {
                yield return $"DROP TRIGGER \"Backlinks_{trigger}\";";
            }

            yield return "DROP VIEW \"BacklinkCountRows\";";
            yield return "DROP VIEW \"BacklinkRows\";";
            yield return "DROP TABLE \"Backlinks\";";
            var columns = inReadOrder
                ? $"\"TargetId\", \"Relation\", \"RecordKind\", \"DateKey\", \"RecordId\", \"Name\", {DateColumns}"
                : "\"TargetId\", \"Relation\", \"RecordKind\", \"DateKey\", \"RecordId\"";
            if (inReadOrder)
            {
                yield return """
                    CREATE TABLE "Backlinks" (
                        "TargetId" TEXT NOT NULL,
                        "Relation" TEXT NOT NULL,
                        "RecordKind" TEXT NOT NULL,
                        "DateKey" TEXT NOT NULL,
                        "RecordId" TEXT NOT NULL,
                        "Name" TEXT NULL,
                        "DateText" TEXT NULL,
                        "DateFrom" TEXT NULL,
                        "DateTo" TEXT NULL,
                        "DatePrecision" TEXT NULL,
                        "DateQualifier" TEXT NULL,
                        "DateBasis" TEXT NULL,
                        "DateNote" TEXT NULL,
                        CONSTRAINT "PK_Backlinks" PRIMARY KEY ("TargetId", "Relation", "RecordKind", "DateKey", "RecordId")
                    ) WITHOUT ROWID;
                    """;
                yield return """CREATE UNIQUE INDEX "IX_Backlinks_RecordId_Relation_TargetId" ON "Backlinks" ("RecordId", "Relation", "TargetId");""";
            }
            else
            {
                yield return """
                    CREATE TABLE "Backlinks" (
                        "TargetId" TEXT NOT NULL,
                        "Relation" TEXT NOT NULL,
                        "RecordId" TEXT NOT NULL,
                        "RecordKind" TEXT NOT NULL,
                        "DateKey" TEXT NOT NULL,
                        CONSTRAINT "PK_Backlinks" PRIMARY KEY ("RecordId", "Relation", "TargetId")
                    );
                    """;
                yield return """
                    CREATE INDEX "IX_Backlinks_TargetId_Relation_RecordKind_DateKey_RecordId"
                    ON "Backlinks" ("TargetId", "Relation", "RecordKind", "DateKey", "RecordId");
                    """;
            }

            // What points at what, as in the Backlinks migration, now with the record's date and an entity record's name.
            string Entity(string target, string relation, string from, string where) => inReadOrder
                ? $"SELECT {target}, {relation}, e.\"Kind\", e.\"DateKey\", e.\"Id\", e.\"Name\", {Prefixed("e", "Date")} FROM {from}{where}"
                : $"SELECT {target}, {relation}, e.\"Kind\", e.\"DateKey\", e.\"Id\" FROM {from}{where}";
            string Other(string target, string relation, string kind, string alias, string key, string prefix, string from, string where) => inReadOrder
                ? $"SELECT {target}, {relation}, '{kind}', {alias}.\"{key}\", {alias}.\"Id\", NULL, {Prefixed(alias, prefix)} FROM {from}{where}"
                : $"SELECT {target}, {relation}, '{kind}', {alias}.\"{key}\", {alias}.\"Id\" FROM {from}{where}";
            string[] branches =
            [
                Entity("l.\"TargetId\"", "l.\"Role\"", "\"Entities\" AS e JOIN \"EntityLinks\" AS l ON l.\"EntityId\" = e.\"Id\"", ""),
                Entity("e.\"CountryId\"", "'country'", "\"Entities\" AS e", " WHERE e.\"CountryId\" IS NOT NULL"),
                Entity("e.\"PartOfId\"", "'partOf'", "\"Entities\" AS e", " WHERE e.\"PartOfId\" IS NOT NULL"),
                Entity("e.\"PlaceId\"", "'place'", "\"Entities\" AS e", " WHERE e.\"PlaceId\" IS NOT NULL"),
                Entity("e.\"EventId\"", "'event'", "\"Entities\" AS e", " WHERE e.\"EventId\" IS NOT NULL"),
                Other("s.\"EntityId\"", "'subject'", "observation", "o", "PeriodKey", "Period",
                    "\"Observations\" AS o JOIN \"ObservationSubjects\" AS s ON s.\"ObservationId\" = o.\"Id\"", ""),
                Other("f.\"AttributionId\"", "'attribution'", "fact", "f", "DateKey", "Date", "\"Facts\" AS f", " WHERE f.\"AttributionId\" IS NOT NULL"),
                Other("o.\"AttributionId\"", "'attribution'", "observation", "o", "PeriodKey", "Period", "\"Observations\" AS o",
                    " WHERE o.\"AttributionId\" IS NOT NULL"),
            ];
            yield return $"CREATE VIEW \"BacklinkRows\" ({columns}) AS\n{string.Join("\nUNION ALL\n", branches)};";
            yield return """
                CREATE VIEW "BacklinkCountRows" AS
                SELECT "TargetId", "Relation", "RecordKind", count(*) AS "Records"
                FROM (SELECT DISTINCT "TargetId", "Relation", "RecordKind", "RecordId" FROM "BacklinkRows")
                GROUP BY "TargetId", "Relation", "RecordKind";
                """;

            // The rows are the ones the counts already count: filled before the triggers that count are back.
            yield return $"INSERT OR IGNORE INTO \"Backlinks\" ({columns}) SELECT {columns} FROM \"BacklinkRows\" ORDER BY 1, 2, 3, 4, 5;";

            string Refresh(string recordId) => $"""
                    DELETE FROM "Backlinks" WHERE "RecordId" = {recordId};
                    INSERT OR IGNORE INTO "Backlinks" ({columns})
                    SELECT {columns} FROM "BacklinkRows" WHERE "RecordId" = {recordId};
                """;
            static string Removed(string recordId) => $"""
                    DELETE FROM "Backlinks" WHERE "RecordId" = {recordId};
                """;
            static string Trigger(string name, string when, string table, string body) =>
                $"CREATE TRIGGER \"Backlinks_{name}\" {when} ON \"{table}\" BEGIN\n{body}END;";

            // A record's rows change with what they hold: its references, and now its name (an entity's) and every column of its date.
            var entityColumns = "\"Kind\", \"CountryId\", \"PartOfId\", \"PlaceId\", \"EventId\", " + (inReadOrder ? $"\"Name\", {DateColumns}" : "\"DateFrom\"");
            var factColumns = "\"AttributionId\", " + (inReadOrder ? DateColumns : "\"DateFrom\"");
            var observationColumns = "\"AttributionId\", " + (inReadOrder ? DateColumns.Replace("\"Date", "\"Period") : "\"PeriodFrom\"");
            yield return Trigger("EntityInserted", "AFTER INSERT", "Entities", Refresh("NEW.\"Id\""));
            yield return Trigger("EntityUpdated", $"AFTER UPDATE OF {entityColumns}", "Entities", Refresh("NEW.\"Id\""));
            yield return Trigger("EntityDeleted", "AFTER DELETE", "Entities", Removed("OLD.\"Id\""));
            yield return Trigger("LinkInserted", "AFTER INSERT", "EntityLinks", Refresh("NEW.\"EntityId\""));
            yield return Trigger("LinkDeleted", "AFTER DELETE", "EntityLinks", Refresh("OLD.\"EntityId\""));
            yield return Trigger("LinkUpdated", "AFTER UPDATE", "EntityLinks", Refresh("OLD.\"EntityId\"") + Refresh("NEW.\"EntityId\""));
            yield return Trigger("FactInserted", "AFTER INSERT", "Facts", Refresh("NEW.\"Id\""));
            yield return Trigger("FactUpdated", $"AFTER UPDATE OF {factColumns}", "Facts", Refresh("NEW.\"Id\""));
            yield return Trigger("FactDeleted", "AFTER DELETE", "Facts", Removed("OLD.\"Id\""));
            yield return Trigger("ObservationInserted", "AFTER INSERT", "Observations", Refresh("NEW.\"Id\""));
            yield return Trigger("ObservationUpdated", $"AFTER UPDATE OF {observationColumns}", "Observations", Refresh("NEW.\"Id\""));
            yield return Trigger("ObservationDeleted", "AFTER DELETE", "Observations", Removed("OLD.\"Id\""));
            yield return Trigger("SubjectInserted", "AFTER INSERT", "ObservationSubjects", Refresh("NEW.\"ObservationId\""));
            yield return Trigger("SubjectDeleted", "AFTER DELETE", "ObservationSubjects", Refresh("OLD.\"ObservationId\""));
            yield return Trigger("SubjectUpdated", "AFTER UPDATE", "ObservationSubjects",
                Refresh("OLD.\"ObservationId\"") + Refresh("NEW.\"ObservationId\""));
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

        /// <summary>A fuzzy date's seven columns of a table alias, e.g. <c>o."PeriodText", o."PeriodFrom"…</c>.</summary>
        private static string Prefixed(string alias, string prefix) =>
            string.Join(", ", new[] { "Text", "From", "To", "Precision", "Qualifier", "Basis", "Note" }.Select(c => $"{alias}.\"{prefix}{c}\""));
    }
}
