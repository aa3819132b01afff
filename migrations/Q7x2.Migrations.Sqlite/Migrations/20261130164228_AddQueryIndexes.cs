using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddQueryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sources_PublishedFrom_PublishedTo",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Observations_Metric",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Observations_PeriodFrom_PeriodTo",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Facts_DateFrom_DateTo",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_ObjectId_PredicateId",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_PredicateId",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_SubjectId_PredicateId",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_EntityId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_FactId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ObservationId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Entities_CountryId",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_DateFrom_DateTo",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Kind_Name",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Name",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_PartOfId",
                table: "Entities");

            migrationBuilder.AddColumn<DateOnly>(
                name: "PeriodKey",
                table: "Observations",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "coalesce(\"PeriodFrom\", '9999-12-31')",
                stored: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateKey",
                table: "Facts",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "coalesce(\"DateFrom\", '9999-12-31')",
                stored: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateKey",
                table: "Entities",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "coalesce(\"DateFrom\", '9999-12-31')",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Title_Id",
                table: "Sources",
                columns: new[] { "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Predicates_Label_Id",
                table: "Predicates",
                columns: new[] { "Label", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Metric_Id",
                table: "Observations",
                columns: new[] { "Metric", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Metric_PeriodKey_Id",
                table: "Observations",
                columns: new[] { "Metric", "PeriodKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_PeriodKey_Id",
                table: "Observations",
                columns: new[] { "PeriodKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_DateKey_Id",
                table: "Facts",
                columns: new[] { "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_ObjectId_DateKey_Id",
                table: "Facts",
                columns: new[] { "ObjectId", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_ObjectId_Id",
                table: "Facts",
                columns: new[] { "ObjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_PredicateId_DateKey_Id",
                table: "Facts",
                columns: new[] { "PredicateId", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_PredicateId_Id",
                table: "Facts",
                columns: new[] { "PredicateId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_SubjectId_DateKey_Id",
                table: "Facts",
                columns: new[] { "SubjectId", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_SubjectId_Id",
                table: "Facts",
                columns: new[] { "SubjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_EntityId_Position",
                table: "Evidence",
                columns: new[] { "EntityId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_FactId_Position",
                table: "Evidence",
                columns: new[] { "FactId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ObservationId_Position",
                table: "Evidence",
                columns: new[] { "ObservationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId_Kind_Id",
                table: "Entities",
                columns: new[] { "CountryId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId_Kind_Name_Id",
                table: "Entities",
                columns: new[] { "CountryId", "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Kind_DateKey_Id",
                table: "Entities",
                columns: new[] { "Kind", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Kind_Id",
                table: "Entities",
                columns: new[] { "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Kind_Name_Id",
                table: "Entities",
                columns: new[] { "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Name_Id",
                table: "Entities",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_PartOfId_Kind_Id",
                table: "Entities",
                columns: new[] { "PartOfId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_PartOfId_Kind_Name_Id",
                table: "Entities",
                columns: new[] { "PartOfId", "Kind", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sources_Title_Id",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Predicates_Label_Id",
                table: "Predicates");

            migrationBuilder.DropIndex(
                name: "IX_Observations_Metric_Id",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Observations_Metric_PeriodKey_Id",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Observations_PeriodKey_Id",
                table: "Observations");

            migrationBuilder.DropIndex(
                name: "IX_Facts_DateKey_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_ObjectId_DateKey_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_ObjectId_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_PredicateId_DateKey_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_PredicateId_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_SubjectId_DateKey_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Facts_SubjectId_Id",
                table: "Facts");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_EntityId_Position",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_FactId_Position",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ObservationId_Position",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Entities_CountryId_Kind_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_CountryId_Kind_Name_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Kind_DateKey_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Kind_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Kind_Name_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_Name_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_PartOfId_Kind_Id",
                table: "Entities");

            migrationBuilder.DropIndex(
                name: "IX_Entities_PartOfId_Kind_Name_Id",
                table: "Entities");

            // SQLite drops a virtual column in place; EF's DropColumn would rebuild each table, which the SearchDocuments view
            // that reads them does not survive.
            migrationBuilder.Sql("ALTER TABLE \"Observations\" DROP COLUMN \"PeriodKey\";");
            migrationBuilder.Sql("ALTER TABLE \"Facts\" DROP COLUMN \"DateKey\";");
            migrationBuilder.Sql("ALTER TABLE \"Entities\" DROP COLUMN \"DateKey\";");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_PublishedFrom_PublishedTo",
                table: "Sources",
                columns: new[] { "PublishedFrom", "PublishedTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Metric",
                table: "Observations",
                column: "Metric");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_PeriodFrom_PeriodTo",
                table: "Observations",
                columns: new[] { "PeriodFrom", "PeriodTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_DateFrom_DateTo",
                table: "Facts",
                columns: new[] { "DateFrom", "DateTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_ObjectId_PredicateId",
                table: "Facts",
                columns: new[] { "ObjectId", "PredicateId" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_PredicateId",
                table: "Facts",
                column: "PredicateId");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_SubjectId_PredicateId",
                table: "Facts",
                columns: new[] { "SubjectId", "PredicateId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_EntityId",
                table: "Evidence",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_FactId",
                table: "Evidence",
                column: "FactId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ObservationId",
                table: "Evidence",
                column: "ObservationId");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId",
                table: "Entities",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_DateFrom_DateTo",
                table: "Entities",
                columns: new[] { "DateFrom", "DateTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Kind_Name",
                table: "Entities",
                columns: new[] { "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Name",
                table: "Entities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_PartOfId",
                table: "Entities",
                column: "PartOfId");
        }
    }
}
