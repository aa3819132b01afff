using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Each entity's number of facts (as subject or object, a fact with it on both sides once), kept by triggers on <c>Facts</c>
    /// so that every writer keeps it, and filled here from the facts already stored through the <c>EntityFactCountRows</c> view.
    /// </summary>
    public partial class EntityFactCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntityFactCounts",
                columns: table => new
                {
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    Facts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityFactCounts", x => x.EntityId);
                });

            // A fact adds one to its subject and, when it is another entity, to its object; removing it takes them back.
            static string Add(string row) => $"""
                    INSERT INTO "EntityFactCounts" ("EntityId", "Facts") VALUES ({row}."SubjectId", 1)
                    ON CONFLICT ("EntityId") DO UPDATE SET "Facts" = "Facts" + 1;
                    INSERT INTO "EntityFactCounts" ("EntityId", "Facts")
                    SELECT {row}."ObjectId", 1 WHERE {row}."ObjectId" IS NOT NULL AND {row}."ObjectId" <> {row}."SubjectId"
                    ON CONFLICT ("EntityId") DO UPDATE SET "Facts" = "Facts" + 1;
                """;
            static string Take(string row) => $"""
                    UPDATE "EntityFactCounts" SET "Facts" = "Facts" - 1 WHERE "EntityId" = {row}."SubjectId";
                    UPDATE "EntityFactCounts" SET "Facts" = "Facts" - 1
                    WHERE "EntityId" = {row}."ObjectId" AND {row}."ObjectId" <> {row}."SubjectId";
                """;

            migrationBuilder.Sql($"""
                CREATE TRIGGER "EntityFactCounts_FactInserted" AFTER INSERT ON "Facts" BEGIN
                {Add("NEW")}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EntityFactCounts_FactDeleted" AFTER DELETE ON "Facts" BEGIN
                {Take("OLD")}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "EntityFactCounts_FactUpdated" AFTER UPDATE OF "SubjectId", "ObjectId" ON "Facts" BEGIN
                {Take("OLD")}{Add("NEW")}END;
                """);
            // What the counts are, counted: the fill here and the seeder's after a first load read it.
            migrationBuilder.Sql("""
                CREATE VIEW "EntityFactCountRows" AS
                SELECT "Id" AS "EntityId", count(*) AS "Facts" FROM (
                    SELECT "SubjectId" AS "Id" FROM "Facts"
                    UNION ALL
                    SELECT "ObjectId" FROM "Facts" WHERE "ObjectId" IS NOT NULL AND "ObjectId" <> "SubjectId")
                GROUP BY "Id";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "EntityFactCounts" ("EntityId", "Facts") SELECT "EntityId", "Facts" FROM "EntityFactCountRows";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "FactInserted", "FactDeleted", "FactUpdated" })
            {
                migrationBuilder.Sql($"DROP TRIGGER \"EntityFactCounts_{trigger}\";");
            }

            migrationBuilder.Sql("DROP VIEW \"EntityFactCountRows\";");

            migrationBuilder.DropTable(
                name: "EntityFactCounts");
        }
    }
}
