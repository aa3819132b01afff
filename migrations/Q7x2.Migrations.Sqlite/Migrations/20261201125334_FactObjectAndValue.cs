using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A fact may have both an object and a value (the value says something about the relation between subject and object, such
    /// as an assessment of the relations between two countries): <c>CK_Facts_ObjectOrValue</c> becomes "an object or a value".
    /// </summary>
    /// <remarks>
    /// Not the table rebuild EF generates for a changed CHECK: it drops <c>Facts</c>, which fails on the views that read it
    /// (SQLite checks every view when the new table is renamed) after its first half committed, and drops the triggers that keep
    /// the fact counts. A looser CHECK changes nothing stored (every row meets it), so the constraint's text is edited in place,
    /// as SQLite's documentation allows for such changes; a table created and dropped after it bumps the schema cookie, so that
    /// every connection reloads the schema. All of it in the migration's one transaction.
    /// </remarks>
    public partial class FactObjectAndValue : Migration
    {
        private const string Exclusive = "(\"ObjectId\" IS NULL) <> (\"Value\" IS NULL)";
        private const string Either = "\"ObjectId\" IS NOT NULL OR \"Value\" IS NOT NULL";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Replace(migrationBuilder, Exclusive, Either);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Replace(migrationBuilder, Either, Exclusive);

        private static void Replace(MigrationBuilder migrationBuilder, string from, string to)
        {
            migrationBuilder.Sql("PRAGMA writable_schema = ON;");
            migrationBuilder.Sql($"""
                UPDATE sqlite_schema SET sql = replace(sql, 'CHECK ({from.Replace("'", "''")})', 'CHECK ({to.Replace("'", "''")})')
                WHERE type = 'table' AND name = 'Facts';
                """);
            migrationBuilder.Sql("PRAGMA writable_schema = RESET;");
            migrationBuilder.Sql("CREATE TABLE \"ef_schema_cookie\" (\"x\" INTEGER); DROP TABLE \"ef_schema_cookie\";");
        }
    }
}
