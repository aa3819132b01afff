using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q7x2.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClaimQualifiers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LowerFactor = table.Column<decimal>(type: "TEXT", nullable: false),
                    LowerInclusive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpperFactor = table.Column<decimal>(type: "TEXT", nullable: true),
                    UpperInclusive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimQualifiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatedValue = table.Column<decimal>(type: "TEXT", nullable: false),
                    QualifierId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Exact = table.Column<string>(type: "TEXT", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    Suffix = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims_ClaimQualifiers_QualifierId",
                        column: x => x.QualifierId,
                        principalTable: "ClaimQualifiers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ClaimOperands",
                columns: table => new
                {
                    ClaimId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimOperands", x => new { x.ClaimId, x.Position });
                    table.ForeignKey(
                        name: "FK_ClaimOperands_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimSubjects",
                columns: table => new
                {
                    ClaimId = table.Column<string>(type: "TEXT", nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimSubjects", x => new { x.ClaimId, x.EntityId });
                    table.ForeignKey(
                        name: "FK_ClaimSubjects_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimSubjects_EntityId_ClaimId",
                table: "ClaimSubjects",
                columns: new[] { "EntityId", "ClaimId" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_QualifierId",
                table: "Claims",
                column: "QualifierId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_SourceId_Id",
                table: "Claims",
                columns: new[] { "SourceId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimOperands");

            migrationBuilder.DropTable(
                name: "ClaimSubjects");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "ClaimQualifiers");
        }
    }
}
