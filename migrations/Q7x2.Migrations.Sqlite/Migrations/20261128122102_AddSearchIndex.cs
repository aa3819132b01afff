using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index of search (SQLite FTS5), outside the EF model. <c>SearchDocuments</c> says what
    /// is indexed for each entity, fact and observation; the index is filled from it here, and the
    /// application refreshes rows from it on every write. Changing what is indexed means a new migration
    /// that replaces the view and rebuilds the index the same way.
    /// </summary>
    public partial class AddSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Aliases and quotes are joined with the unit separator (char 31): a word separator for the
            // tokenizer, and the place where the application splits a highlighted column back into items.
            // Only entities have a Name; a fact's or observation's readable line (its Title) is searched
            // as body text, so that "japarov" finds the person before the many facts about him.
            migrationBuilder.Sql("""
                CREATE VIEW "SearchDocuments" AS
                SELECT 'entity' AS "Type", e."Id" AS "Id", e."Kind" AS "Kind", NULL AS "Modality", e."Name" AS "Title",
                    e."Name" AS "Name",
                    (SELECT group_concat(a."Name", char(31) ORDER BY a."Position") FROM "EntityAliases" AS a WHERE a."EntityId" = e."Id") AS "Aliases",
                    concat_ws(' ', e."Description", e."Role",
                        (SELECT group_concat(j.value, ', ') FROM json_each(e."Areas") AS j)) AS "Body",
                    (SELECT group_concat(v."Exact", char(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."EntityId" = e."Id") AS "Quotes"
                FROM "Entities" AS e
                UNION ALL
                SELECT 'fact', f."Id", 'fact', f."Modality", f."Title", NULL, NULL,
                    concat_ws(' ', f."Title", f."DateText", f."Attribution", f."Note"),
                    (SELECT group_concat(v."Exact", char(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."FactId" = f."Id")
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
                    (SELECT group_concat(v."Exact", char(31) ORDER BY v."Position") FROM "Evidence" AS v WHERE v."ObservationId" = o."Id")
                FROM (
                    SELECT o.*, t."Name" AS "Attribution",
                        concat_ws(' – ', upper(substr(o."Metric", 1, 1)) || replace(substr(o."Metric", 2), '-', ' '),
                            (SELECT group_concat(coalesce(e."Name", os."EntityId"), ', ' ORDER BY os."Position")
                             FROM "ObservationSubjects" AS os LEFT JOIN "Entities" AS e ON e."Id" = os."EntityId"
                             WHERE os."ObservationId" = o."Id")) AS "Title"
                    FROM "Observations" AS o
                    LEFT JOIN "Entities" AS t ON t."Id" = o."AttributionId") AS o;
                """);

            // Diacritics removed (a query without accents finds accented text and back), prefix indexes
            // for type-ahead; the searched columns first, then the hit's identity (UNINDEXED: stored, never matched).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    Name, Aliases, Body, Quotes, Type UNINDEXED, Id UNINDEXED, Kind UNINDEXED, Modality UNINDEXED, Title UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "SearchIndex" (Name, Aliases, Body, Quotes, Type, Id, Kind, Modality, Title)
                SELECT "Name", "Aliases", "Body", "Quotes", "Type", "Id", "Kind", "Modality", "Title" FROM "SearchDocuments";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchIndex";""");
            migrationBuilder.Sql("""DROP VIEW IF EXISTS "SearchDocuments";""");
        }
    }
}
