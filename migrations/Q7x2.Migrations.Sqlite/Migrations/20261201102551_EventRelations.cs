using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The events each entity's event filters select (country, participant, place), kept in date order by the database:
    /// the <c>EventRelationRows</c> view says which rows an event has; triggers on <c>Entities</c> and <c>EntityLinks</c>
    /// recompute an event's rows from it whenever the event, its participants or its place change, so every writer (the
    /// seeder, curators' writes, another process) keeps them without knowing of them. Changing what a filter means is a
    /// new migration that replaces the view and refills the table the same way.
    /// </summary>
    public partial class EventRelations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventRelations",
                columns: table => new
                {
                    Relation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    DateKey = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRelations", x => new { x.Relation, x.EntityId, x.EventId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventRelations_EventId",
                table: "EventRelations",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRelations_Relation_EntityId_DateKey_EventId",
                table: "EventRelations",
                columns: new[] { "Relation", "EntityId", "DateKey", "EventId" });

            // The filters' definitions: participant, the place or its enclosing place, and the country (the place, the place's
            // country or a participant). A country that is both place and participant gives one row: rows go in with OR IGNORE.
            migrationBuilder.Sql("""
                CREATE VIEW "EventRelationRows" AS
                SELECT 'participant' AS "Relation", l."TargetId" AS "EntityId", e."Id" AS "EventId", e."DateKey" AS "DateKey"
                FROM "Entities" AS e JOIN "EntityLinks" AS l ON l."EntityId" = e."Id" AND l."Role" = 'participant'
                WHERE e."Kind" = 'event'
                UNION ALL
                SELECT 'country', l."TargetId", e."Id", e."DateKey"
                FROM "Entities" AS e JOIN "EntityLinks" AS l ON l."EntityId" = e."Id" AND l."Role" = 'participant'
                WHERE e."Kind" = 'event'
                UNION ALL
                SELECT 'place', e."PlaceId", e."Id", e."DateKey" FROM "Entities" AS e
                WHERE e."Kind" = 'event' AND e."PlaceId" IS NOT NULL
                UNION ALL
                SELECT 'country', e."PlaceId", e."Id", e."DateKey" FROM "Entities" AS e
                WHERE e."Kind" = 'event' AND e."PlaceId" IS NOT NULL
                UNION ALL
                SELECT 'place', p."PartOfId", e."Id", e."DateKey" FROM "Entities" AS e JOIN "Entities" AS p ON p."Id" = e."PlaceId"
                WHERE e."Kind" = 'event' AND p."PartOfId" IS NOT NULL
                UNION ALL
                SELECT 'country', p."CountryId", e."Id", e."DateKey" FROM "Entities" AS e JOIN "Entities" AS p ON p."Id" = e."PlaceId"
                WHERE e."Kind" = 'event' AND p."CountryId" IS NOT NULL;
                """);

            // Recomputing one event's rows: what every trigger does, for the event a change concerns.
            static string Refresh(string eventId) => $"""
                    DELETE FROM "EventRelations" WHERE "EventId" = {eventId};
                    INSERT OR IGNORE INTO "EventRelations" ("Relation", "EntityId", "EventId", "DateKey")
                    SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows" WHERE "EventId" = {eventId};
                """;

            // The events at a place whose country or enclosing place changed (or that was written after its events).
            static string RefreshAt(string placeId) => $"""
                    DELETE FROM "EventRelations" WHERE "EventId" IN (SELECT "Id" FROM "Entities" WHERE "PlaceId" = {placeId});
                    INSERT OR IGNORE INTO "EventRelations" ("Relation", "EntityId", "EventId", "DateKey")
                    SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows"
                    WHERE "EventId" IN (SELECT "Id" FROM "Entities" WHERE "PlaceId" = {placeId});
                """;

            migrationBuilder.Sql($"""
                CREATE TRIGGER "EventRelations_EntityInserted" AFTER INSERT ON "Entities" BEGIN
                {Refresh("NEW.\"Id\"")}{RefreshAt("NEW.\"Id\"")}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EventRelations_EntityUpdated" AFTER UPDATE OF "Kind", "PlaceId", "DateFrom", "CountryId", "PartOfId" ON "Entities" BEGIN
                {Refresh("NEW.\"Id\"")}{RefreshAt("NEW.\"Id\"")}END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "EventRelations_EntityDeleted" AFTER DELETE ON "Entities" BEGIN
                    DELETE FROM "EventRelations" WHERE "EventId" = OLD."Id";
                    DELETE FROM "EventRelations" WHERE "Relation" IN ('country', 'participant', 'place') AND "EntityId" = OLD."Id";
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EventRelations_LinkInserted" AFTER INSERT ON "EntityLinks" WHEN NEW."Role" = 'participant' BEGIN
                {Refresh("NEW.\"EntityId\"")}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EventRelations_LinkDeleted" AFTER DELETE ON "EntityLinks" WHEN OLD."Role" = 'participant' BEGIN
                {Refresh("OLD.\"EntityId\"")}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EventRelations_LinkUpdated" AFTER UPDATE ON "EntityLinks" WHEN OLD."Role" = 'participant' OR NEW."Role" = 'participant' BEGIN
                {Refresh("OLD.\"EntityId\"")}{Refresh("NEW.\"EntityId\"")}END;
                """);

            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "EventRelations" ("Relation", "EntityId", "EventId", "DateKey")
                SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "EntityInserted", "EntityUpdated", "EntityDeleted", "LinkInserted", "LinkDeleted", "LinkUpdated" })
            {
                migrationBuilder.Sql($"DROP TRIGGER \"EventRelations_{trigger}\";");
            }

            migrationBuilder.Sql("DROP VIEW \"EventRelationRows\";");

            migrationBuilder.DropTable(
                name: "EventRelations");
        }
    }
}
