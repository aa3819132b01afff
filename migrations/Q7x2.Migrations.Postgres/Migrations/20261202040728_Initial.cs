using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Q7x2.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BacklinkCounts",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Relation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RecordKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Records = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BacklinkCounts", x => new { x.TargetId, x.Relation, x.RecordKind });
                });

            migrationBuilder.CreateTable(
                name: "Backlinks",
                columns: table => new
                {
                    TargetId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Relation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RecordKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    DateKey = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    DateText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    DateFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateQualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Backlinks", x => new { x.TargetId, x.Relation, x.RecordKind, x.DateKey, x.RecordId });
                });

            migrationBuilder.CreateTable(
                name: "ClaimQualifiers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    LowerFactor = table.Column<decimal>(type: "numeric", nullable: false),
                    LowerInclusive = table.Column<bool>(type: "boolean", nullable: false),
                    UpperFactor = table.Column<decimal>(type: "numeric", nullable: true),
                    UpperInclusive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimQualifiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Entities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Subtype = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Role = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    IsoCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    CountryId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    PartOfId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    PlaceId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    EventId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    DateText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    DateFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateQualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    DateKey = table.Column<DateOnly>(type: "date", nullable: false, computedColumnSql: "coalesce(\"DateFrom\", '9999-12-31')", stored: true),
                    Areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "seed", collation: "C")
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
                name: "EntityFactCounts",
                columns: table => new
                {
                    EntityId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Facts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityFactCounts", x => x.EntityId);
                });

            migrationBuilder.CreateTable(
                name: "EventRelations",
                columns: table => new
                {
                    Relation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    EntityId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    EventId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DateKey = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRelations", x => new { x.Relation, x.EntityId, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "Predicates",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    InverseLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Predicates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Resource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ResourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Operation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    After = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Publisher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    PublishedText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    PublishedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedPrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PublishedQualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PublishedBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PublishedNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CharCount = table.Column<int>(type: "integer", nullable: false),
                    License = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    RightsHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    TextRedistributable = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "seed", collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Rule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    StatedValue = table.Column<decimal>(type: "numeric", nullable: false),
                    QualifierId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Missing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Exact = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Prefix = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Suffix = table.Column<string>(type: "text", nullable: false, collation: "C")
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
                name: "EntityAliases",
                columns: table => new
                {
                    EntityId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    EntityId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    TargetId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Metric = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Value = table.Column<decimal>(type: "numeric", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Comparator = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    PeriodText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodPrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PeriodQualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PeriodBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    PeriodNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    PeriodKey = table.Column<DateOnly>(type: "date", nullable: false, computedColumnSql: "coalesce(\"PeriodFrom\", '9999-12-31')", stored: true),
                    Modality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    AttributionId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "seed", collation: "C")
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
                    Id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SubjectId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    PredicateId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    ObjectId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    DateText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    DateFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DateTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DatePrecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateQualifier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    DateNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    DateKey = table.Column<DateOnly>(type: "date", nullable: false, computedColumnSql: "coalesce(\"DateFrom\", '9999-12-31')", stored: true),
                    Modality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    AttributionId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "seed", collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facts", x => x.Id);
                    table.CheckConstraint("CK_Facts_ObjectOrValue", "\"ObjectId\" IS NOT NULL OR \"Value\" IS NOT NULL");
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
                name: "CoverageNotes",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Exact = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageNotes", x => new { x.SourceId, x.Position });
                    table.ForeignKey(
                        name: "FK_CoverageNotes_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimOperands",
                columns: table => new
                {
                    ClaimId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RecordId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
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
                    ClaimId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ObservationSubjects",
                columns: table => new
                {
                    ObservationId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    EntityId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceId = table.Column<string>(type: "character varying(100)", nullable: false, collation: "C"),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Exact = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    Prefix = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Suffix = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    EntityId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    FactId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C"),
                    ObservationId = table.Column<string>(type: "character varying(100)", nullable: true, collation: "C")
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

            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Backlinks_RecordId_Relation_TargetId",
                table: "Backlinks",
                columns: new[] { "RecordId", "Relation", "TargetId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId_Kind_Id",
                table: "Entities",
                columns: new[] { "CountryId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_CountryId_Kind_Name_Id",
                table: "Entities",
                columns: new[] { "CountryId", "Kind", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Entities_EventId",
                table: "Entities",
                column: "EventId");

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
                name: "IX_EventRelations_EventId",
                table: "EventRelations",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRelations_Relation_EntityId_DateKey_EventId",
                table: "EventRelations",
                columns: new[] { "Relation", "EntityId", "DateKey", "EventId" });

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
                name: "IX_Evidence_SourceId_Start",
                table: "Evidence",
                columns: new[] { "SourceId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_AttributionId",
                table: "Facts",
                column: "AttributionId");

            migrationBuilder.CreateIndex(
                name: "IX_Facts_DateKey_Id",
                table: "Facts",
                columns: new[] { "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Modality_DateKey_Id",
                table: "Facts",
                columns: new[] { "Modality", "DateKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Facts_Modality_Id",
                table: "Facts",
                columns: new[] { "Modality", "Id" });

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
                name: "IX_ObservationSubjects_EntityId",
                table: "ObservationSubjects",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_AttributionId",
                table: "Observations",
                column: "AttributionId");

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
                name: "IX_Observations_Unit_Id",
                table: "Observations",
                columns: new[] { "Unit", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Unit_Metric_Id",
                table: "Observations",
                columns: new[] { "Unit", "Metric", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Predicates_Label_Id",
                table: "Predicates",
                columns: new[] { "Label", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_At_Id",
                table: "Revisions",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Resource_ResourceId_Id",
                table: "Revisions",
                columns: new[] { "Resource", "ResourceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Title_Id",
                table: "Sources",
                columns: new[] { "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BacklinkCounts");

            migrationBuilder.DropTable(
                name: "Backlinks");

            migrationBuilder.DropTable(
                name: "ClaimOperands");

            migrationBuilder.DropTable(
                name: "ClaimSubjects");

            migrationBuilder.DropTable(
                name: "CoverageNotes");

            migrationBuilder.DropTable(
                name: "DataVersions");

            migrationBuilder.DropTable(
                name: "EntityAliases");

            migrationBuilder.DropTable(
                name: "EntityFactCounts");

            migrationBuilder.DropTable(
                name: "EntityLinks");

            migrationBuilder.DropTable(
                name: "EventRelations");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ObservationSubjects");

            migrationBuilder.DropTable(
                name: "Revisions");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "Facts");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "ClaimQualifiers");

            migrationBuilder.DropTable(
                name: "Predicates");

            migrationBuilder.DropTable(
                name: "Entities");
        }
    }
}
