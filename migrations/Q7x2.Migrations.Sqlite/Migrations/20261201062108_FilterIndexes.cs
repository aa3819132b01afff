using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Observations_Unit_Id",
                table: "Observations",
                columns: new[] { "Unit", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Unit_Metric_Id",
                table: "Observations",
                columns: new[] { "Unit", "Metric", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Modality_DateKey_Id",
                table: "Facts",
                columns: new[] { "Modality", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Modality_Id",
                table: "Facts",
                columns: new[] { "Modality", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_Unit_Id",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Observations_Unit_Metric_Id",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Facts_Modality_DateKey_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_Modality_Id",
                table: "Facts");
        }
    }
}
