using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Sources",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "seed");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Observations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "seed");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Facts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "seed");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Entities",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "seed");

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Resource_ResourceId_Id",
                table: "Revisions",
                columns: new[] { "Resource", "ResourceId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Revisions");

            // SQLite's own DROP COLUMN (3.35+): EF's table rebuild would fail on the SearchDocuments view that reads these tables.
            foreach (var table in new[] { "Sources", "Observations", "Facts", "Entities" })
            {
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"Origin\";");
            }
        }
    }
}
