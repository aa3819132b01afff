using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Subtype = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsoCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CountryId = table.Column<string>(type: "TEXT", nullable: true),
                    PartOfId = table.Column<string>(type: "TEXT", nullable: true),
                    PlaceId = table.Column<string>(type: "TEXT", nullable: true),
                    EventId = table.Column<string>(type: "TEXT", nullable: true),
                    DateText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateQualifier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Areas = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entities_Entities_CountryId",
                        column: x => x.CountryId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Entities_Entities_EventId",
                        column: x => x.EventId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Entities_Entities_PartOfId",
                        column: x => x.PartOfId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Entities_Entities_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Predicates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InverseLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Predicates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublishedText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PublishedQualifier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PublishedBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PublishedNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CharCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EntityAliases",
                columns: table => new
                {
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityAliases", x => new { x.EntityId, x.Name });
                    table.ForeignKey(
                        name: "FK_EntityAliases_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntityLinks",
                columns: table => new
                {
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityLinks", x => new { x.EntityId, x.Role, x.TargetId });
                    table.ForeignKey(
                        name: "FK_EntityLinks_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntityLinks_Entities_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Comparator = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PeriodText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodPrecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PeriodQualifier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PeriodBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    PeriodNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AttributionId = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Observations_Entities_AttributionId",
                        column: x => x.AttributionId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Facts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: false),
                    PredicateId = table.Column<string>(type: "TEXT", nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DateText = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateQualifier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DateNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AttributionId = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facts", x => x.Id);
                    table.CheckConstraint("CK_Facts_ObjectOrValue", "(\"ObjectId\" IS NULL) <> (\"Value\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Facts_Entities_AttributionId",
                        column: x => x.AttributionId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Facts_Entities_ObjectId",
                        column: x => x.ObjectId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Facts_Entities_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Facts_Predicates_PredicateId",
                        column: x => x.PredicateId,
                        principalTable: "Predicates",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ObservationSubjects",
                columns: table => new
                {
                    ObservationId = table.Column<string>(type: "TEXT", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationSubjects", x => new { x.ObservationId, x.EntityId });
                    table.ForeignKey(
                        name: "FK_ObservationSubjects_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ObservationSubjects_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Exact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Suffix = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", nullable: true),
                    FactId = table.Column<string>(type: "TEXT", nullable: true),
                    ObservationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.CheckConstraint("CK_Evidence_OneOwner", "(CASE WHEN \"EntityId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"FactId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ObservationId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.CheckConstraint("CK_Evidence_Span", "\"Start\" >= 0 AND \"End\" > \"Start\"");
                    table.ForeignKey(
                        name: "FK_Evidence_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evidence_Facts_FactId",
                        column: x => x.FactId,
                        principalTable: "Facts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evidence_Observations_ObservationId",
                        column: x => x.ObservationId,
                        principalTable: "Observations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Evidence_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId",
                table: "Entities",
                column: "CountryId");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_DateFrom_DateTo",
                table: "Entities",
                columns: new[] { "DateFrom", "DateTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_EventId",
                table: "Entities",
                column: "EventId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Entities_PlaceId",
                table: "Entities",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_EntityAliases_Name",
                table: "EntityAliases",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_EntityLinks_TargetId_Role",
                table: "EntityLinks",
                columns: new[] { "TargetId", "Role" });

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
                name: "IX_Evidence_SourceId_Start",
                table: "Evidence",
                columns: new[] { "SourceId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_AttributionId",
                table: "Facts",
                column: "AttributionId");

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
                name: "IX_ObservationSubjects_EntityId",
                table: "ObservationSubjects",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_AttributionId",
                table: "Observations",
                column: "AttributionId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Metric",
                table: "Observations",
                column: "Metric");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_PeriodFrom_PeriodTo",
                table: "Observations",
                columns: new[] { "PeriodFrom", "PeriodTo" });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_PublishedFrom_PublishedTo",
                table: "Sources",
                columns: new[] { "PublishedFrom", "PublishedTo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntityAliases");

            migrationBuilder.DropTable(
                name: "EntityLinks");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ObservationSubjects");

            migrationBuilder.DropTable(
                name: "Facts");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "Predicates");

            migrationBuilder.DropTable(
                name: "Entities");
        }
    }
}
