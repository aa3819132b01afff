using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The derived tables (Backlinks, BacklinkCounts, EventRelations, EntityFactCounts) kept by the database, as the SQLite
    /// migrations keep them: a view says which rows a record yields, and row triggers replace a record's rows whenever it changes.
    /// The views and trigger bodies are the SQLite ones in PostgreSQL's dialect (ON CONFLICT DO NOTHING for INSERT OR IGNORE, a
    /// trigger function per table). The seeder's first load fills the tables from the views.
    /// </summary>
    public partial class DerivedTables : Migration
    {
        private const string BacklinkColumns =
            "\"TargetId\", \"Relation\", \"RecordKind\", \"DateKey\", \"RecordId\", \"Name\", \"DateText\", \"DateFrom\", \"DateTo\", " +
            "\"DatePrecision\", \"DateQualifier\", \"DateBasis\", \"DateNote\"";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Statements())
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, function) in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER \"{function}\" ON \"{table}\";");
            }

            foreach (var function in Triggers.Select(t => t.Function).Distinct().Concat(["BacklinksOf", "EventRelationsOf"]))
            {
                migrationBuilder.Sql($"DROP FUNCTION \"{function}\";");
            }

            foreach (var view in new[] { "BacklinkCountRows", "BacklinkRows", "EventRelationRows", "EntityFactCountRows" })
            {
                migrationBuilder.Sql($"DROP VIEW \"{view}\";");
            }
        }

        private static readonly (string Table, string Function)[] Triggers =
        [
            ("Entities", "Backlinks_Entity"), ("EntityLinks", "Backlinks_Link"), ("Facts", "Backlinks_Fact"),
            ("Observations", "Backlinks_Observation"), ("ObservationSubjects", "Backlinks_Subject"), ("Backlinks", "BacklinkCounts_Row"),
            ("Entities", "EventRelations_Entity"), ("EntityLinks", "EventRelations_Link"), ("Facts", "EntityFactCounts_Fact"),
        ];

        private static IEnumerable<string> Statements()
        {
            string Entity(string target, string relation, string from, string where) =>
                $"SELECT {target}, {relation}, e.\"Kind\", e.\"DateKey\", e.\"Id\", e.\"Name\", {Prefixed("e", "Date")} FROM {from}{where}";
            string Other(string target, string relation, string kind, string alias, string key, string prefix, string from, string where) =>
                $"SELECT {target}, {relation}, '{kind}', {alias}.\"{key}\", {alias}.\"Id\", NULL, {Prefixed(alias, prefix)} FROM {from}{where}";
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
            yield return $"CREATE VIEW \"BacklinkRows\" ({BacklinkColumns}) AS\n{string.Join("\nUNION ALL\n", branches)};";
            yield return """
                CREATE VIEW "BacklinkCountRows" AS
                SELECT "TargetId", "Relation", "RecordKind", count(*)::integer AS "Records"
                FROM (SELECT DISTINCT "TargetId", "Relation", "RecordKind", "RecordId" FROM "BacklinkRows") AS d
                GROUP BY "TargetId", "Relation", "RecordKind";
                """;
            yield return """
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
                """;
            yield return """
                CREATE VIEW "EntityFactCountRows" AS
                SELECT "Id" AS "EntityId", count(*)::integer AS "Facts" FROM (
                    SELECT "SubjectId" AS "Id" FROM "Facts"
                    UNION ALL
                    SELECT "ObjectId" FROM "Facts" WHERE "ObjectId" IS NOT NULL AND "ObjectId" <> "SubjectId") AS f
                GROUP BY "Id";
                """;

            // A record's backlinks, and an event's relations, replaced from their view.
            yield return $"""
                CREATE FUNCTION "BacklinksOf"(record text) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "Backlinks" WHERE "RecordId" = record;
                    INSERT INTO "Backlinks" ({BacklinkColumns})
                    SELECT {BacklinkColumns} FROM "BacklinkRows" WHERE "RecordId" = record ON CONFLICT DO NOTHING;
                $$;
                """;
            yield return """
                CREATE FUNCTION "EventRelationsOf"(event text) RETURNS void LANGUAGE sql AS $$
                    DELETE FROM "EventRelations" WHERE "EventId" = event;
                    INSERT INTO "EventRelations" ("Relation", "EntityId", "EventId", "DateKey")
                    SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows" WHERE "EventId" = event
                    ON CONFLICT DO NOTHING;
                $$;
                """;

            // What changes a record's backlinks: the record itself (its references, an entity's name, its date) or its links.
            var dates = "\"DateText\", \"DateFrom\", \"DateTo\", \"DatePrecision\", \"DateQualifier\", \"DateBasis\", \"DateNote\"";
            yield return Function("Backlinks_Entity", """
                IF TG_OP <> 'INSERT' THEN PERFORM "BacklinksOf"(OLD."Id"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM "BacklinksOf"(NEW."Id"); END IF;
                """);
            yield return Trigger("Backlinks_Entity", "Entities",
                $"INSERT OR DELETE OR UPDATE OF \"Kind\", \"CountryId\", \"PartOfId\", \"PlaceId\", \"EventId\", \"Name\", {dates}");
            yield return Function("Backlinks_Link", """
                IF TG_OP <> 'INSERT' THEN PERFORM "BacklinksOf"(OLD."EntityId"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM "BacklinksOf"(NEW."EntityId"); END IF;
                """);
            yield return Trigger("Backlinks_Link", "EntityLinks", "INSERT OR DELETE OR UPDATE");
            yield return Function("Backlinks_Fact", """
                IF TG_OP <> 'INSERT' THEN PERFORM "BacklinksOf"(OLD."Id"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM "BacklinksOf"(NEW."Id"); END IF;
                """);
            yield return Trigger("Backlinks_Fact", "Facts", $"INSERT OR DELETE OR UPDATE OF \"AttributionId\", {dates}");
            yield return Function("Backlinks_Observation", """
                IF TG_OP <> 'INSERT' THEN PERFORM "BacklinksOf"(OLD."Id"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM "BacklinksOf"(NEW."Id"); END IF;
                """);
            yield return Trigger("Backlinks_Observation", "Observations",
                $"INSERT OR DELETE OR UPDATE OF \"AttributionId\", {dates.Replace("\"Date", "\"Period")}");
            yield return Function("Backlinks_Subject", """
                IF TG_OP <> 'INSERT' THEN PERFORM "BacklinksOf"(OLD."ObservationId"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM "BacklinksOf"(NEW."ObservationId"); END IF;
                """);
            yield return Trigger("Backlinks_Subject", "ObservationSubjects", "INSERT OR DELETE OR UPDATE");
            yield return Function("BacklinkCounts_Row", """
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO "BacklinkCounts" ("TargetId", "Relation", "RecordKind", "Records")
                    VALUES (NEW."TargetId", NEW."Relation", NEW."RecordKind", 1)
                    ON CONFLICT ("TargetId", "Relation", "RecordKind") DO UPDATE SET "Records" = "BacklinkCounts"."Records" + 1;
                ELSE
                    UPDATE "BacklinkCounts" SET "Records" = "Records" - 1
                    WHERE "TargetId" = OLD."TargetId" AND "Relation" = OLD."Relation" AND "RecordKind" = OLD."RecordKind";
                END IF;
                """);
            yield return Trigger("BacklinkCounts_Row", "Backlinks", "INSERT OR DELETE");

            // An event's relations change with the event, its participants, and the place it happened (a place's own place or
            // country changes the events there).
            yield return Function("EventRelations_Entity", """
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM "EventRelations" WHERE "EventId" = OLD."Id";
                ELSE
                    PERFORM "EventRelationsOf"(NEW."Id");
                    PERFORM "EventRelationsOf"(e."Id") FROM "Entities" AS e WHERE e."PlaceId" = NEW."Id";
                END IF;
                """);
            yield return Trigger("EventRelations_Entity", "Entities",
                "INSERT OR DELETE OR UPDATE OF \"Kind\", \"PlaceId\", \"DateFrom\", \"CountryId\", \"PartOfId\"");
            yield return Function("EventRelations_Link", """
                IF TG_OP <> 'INSERT' AND OLD."Role" = 'participant' THEN PERFORM "EventRelationsOf"(OLD."EntityId"); END IF;
                IF TG_OP <> 'DELETE' AND NEW."Role" = 'participant' THEN PERFORM "EventRelationsOf"(NEW."EntityId"); END IF;
                """);
            yield return Trigger("EventRelations_Link", "EntityLinks", "INSERT OR DELETE OR UPDATE");

            yield return Function("EntityFactCounts_Fact", """
                IF TG_OP <> 'INSERT' THEN
                    UPDATE "EntityFactCounts" SET "Facts" = "Facts" - 1 WHERE "EntityId" = OLD."SubjectId";
                    UPDATE "EntityFactCounts" SET "Facts" = "Facts" - 1
                    WHERE "EntityId" = OLD."ObjectId" AND OLD."ObjectId" <> OLD."SubjectId";
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO "EntityFactCounts" ("EntityId", "Facts") VALUES (NEW."SubjectId", 1)
                    ON CONFLICT ("EntityId") DO UPDATE SET "Facts" = "EntityFactCounts"."Facts" + 1;
                    INSERT INTO "EntityFactCounts" ("EntityId", "Facts")
                    SELECT NEW."ObjectId", 1 WHERE NEW."ObjectId" IS NOT NULL AND NEW."ObjectId" <> NEW."SubjectId"
                    ON CONFLICT ("EntityId") DO UPDATE SET "Facts" = "EntityFactCounts"."Facts" + 1;
                END IF;
                """);
            yield return Trigger("EntityFactCounts_Fact", "Facts", "INSERT OR DELETE OR UPDATE OF \"SubjectId\", \"ObjectId\"");
        }

        private static string Function(string name, string body) =>
            $"CREATE FUNCTION \"{name}\"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}RETURN NULL;\nEND\n$$;";

        private static string Trigger(string name, string table, string events) =>
            $"CREATE TRIGGER \"{name}\" AFTER {events} ON \"{table}\" FOR EACH ROW EXECUTE FUNCTION \"{name}\"();";

        /// <summary>A fuzzy date's seven columns of a table alias, e.g. <c>o."PeriodText", o."PeriodFrom"…</c>.</summary>
        private static string Prefixed(string alias, string prefix) =>
            string.Join(", ", new[] { "Text", "From", "To", "Precision", "Qualifier", "Basis", "Note" }.Select(c => $"{alias}.\"{prefix}{c}\""));
    }
}
