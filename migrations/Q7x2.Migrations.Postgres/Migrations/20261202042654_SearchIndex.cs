using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The full-text index of search on PostgreSQL, outside the EF model, as the SQLite AddSearchIndex migration makes it with FTS5:
    /// <c>SearchDocuments</c> says what is indexed for each entity, fact and observation (the SQLite view in PostgreSQL's dialect),
    /// and the <c>SearchIndex</c> table holds those texts with a stored, weighted <c>tsvector</c> (A name, B aliases, C body,
    /// D quotes) under a GIN index. The application refreshes rows from the view on every write.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <summary>
        /// The text search configuration: the default parser, words folded to lower case (simple) after unaccent has removed their
        /// diacritics, as SQLite's unicode61 remove_diacritics 2 does. unaccent is a trusted extension (a database owner may create it).
        /// </summary>
        private const string Configuration = "search_text";

        private static string Vector(string column, char weight) =>
            $"setweight(to_tsvector('{Configuration}', coalesce(\"{column}\", '')), '{weight}')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql($"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = simple);");
            migrationBuilder.Sql($"""
                ALTER TEXT SEARCH CONFIGURATION {Configuration}
                    ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
                """);

            // Aliases and quotes are joined with the unit separator (chr(31)), as on SQLite: a word separator for the parser, and
            // where the application splits a highlighted column back into items. An agreement's areas are a text[] here.
            migrationBuilder.Sql("""
                CREATE VIEW "SearchDocuments" AS
                SELECT 'entity' AS "Type", e."Id" AS "Id", e."Kind" AS "Kind", NULL AS "Modality", e."Name" AS "Title",
                    e."Name" AS "Name",
                    (SELECT string_agg(a."Name", chr(31) ORDER BY a."Position") FROM "EntityAliases" AS a WHERE a."EntityId" = e."Id") AS "Aliases",
                    concat_ws(' ', e."Description", e."Role", nullif(array_to_string(e."Areas", ', '), '')) AS "Body",
                    (SELECT string_agg(v."Exact", chr(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."EntityId" = e."Id") AS "Quotes"
                FROM "Entities" AS e
                UNION ALL
                SELECT 'fact', f."Id", 'fact', f."Modality", f."Title", NULL, NULL,
                    concat_ws(' ', f."Title", f."DateText", f."Attribution", f."Note"),
                    (SELECT string_agg(v."Exact", chr(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."FactId" = f."Id")
                FROM (
                    SELECT f.*, t."Name" AS "Attribution",
                        concat_ws(' – ', coalesce(s."Name", f."SubjectId"), coalesce(p."Label", f."PredicateId"), coalesce(o."Name", f."Value")) AS "Title"
                    FROM "Facts" AS f
                    LEFT JOIN "Entities" AS s ON s."Id" = f."SubjectId"
                    LEFT JOIN "Predicates" AS p ON p."Id" = f."PredicateId"
                    LEFT JOIN "Entities" AS o ON o."Id" = f."ObjectId"
                    LEFT JOIN "Entities" AS t ON t."Id" = f."AttributionId") AS f
                UNION ALL
                SELECT 'observation', o."Id", 'observation', o."Modality", o."Title", NULL, NULL,
                    concat_ws(' ', o."Title", o."PeriodText", o."Attribution", o."Note"),
                    (SELECT string_agg(v."Exact", chr(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."ObservationId" = o."Id")
                FROM (
                    SELECT o.*, t."Name" AS "Attribution",
                        concat_ws(' – ', upper(substr(o."Metric", 1, 1)) || replace(substr(o."Metric", 2), '-', ' '),
                            (SELECT string_agg(coalesce(e."Name", os."EntityId"), ', ' ORDER BY os."Position")
                             FROM "ObservationSubjects" AS os LEFT JOIN "Entities" AS e ON e."Id" = os."EntityId"
                             WHERE os."ObservationId" = o."Id")) AS "Title"
                    FROM "Observations" AS o
                    LEFT JOIN "Entities" AS t ON t."Id" = o."AttributionId") AS o;
                """);

            // Keyed by record (ids are unique across types; the type is in the key so that a clash fails no write). The Id order is
            // collation C, as every id column, so hits of equal score page in SQLite's BINARY order.
            migrationBuilder.Sql($"""
                CREATE TABLE "SearchIndex" (
                    "Type" text COLLATE "C" NOT NULL,
                    "Id" text COLLATE "C" NOT NULL,
                    "Kind" text COLLATE "C" NOT NULL,
                    "Modality" text COLLATE "C",
                    "Title" text COLLATE "C" NOT NULL,
                    "Name" text COLLATE "C",
                    "Aliases" text COLLATE "C",
                    "Body" text COLLATE "C",
                    "Quotes" text COLLATE "C",
                    "Document" tsvector GENERATED ALWAYS AS (
                        {Vector("Name", 'A')} || {Vector("Aliases", 'B')} || {Vector("Body", 'C')} || {Vector("Quotes", 'D')}) STORED,
                    CONSTRAINT "PK_SearchIndex" PRIMARY KEY ("Id", "Type"));
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchIndex_Document" ON "SearchIndex" USING gin ("Document");""");
            migrationBuilder.Sql("""
                INSERT INTO "SearchIndex" ("Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes")
                SELECT "Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes" FROM "SearchDocuments";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");
            migrationBuilder.Sql("""DROP VIEW "SearchDocuments";""");
            migrationBuilder.Sql($"DROP TEXT SEARCH CONFIGURATION {Configuration};");
            migrationBuilder.Sql("DROP EXTENSION IF EXISTS unaccent;");
        }
    }
}
