using System.Data.Common;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Events;

/// <summary>
/// The triggers that keep <c>EventRelations</c>, <c>EntityFactCounts</c>, <c>Backlinks</c> and <c>BacklinkCounts</c>, each on its own, by statements no API write makes alone (an API write also
/// rewrites the event's row, whose trigger recomputes everything). Each test runs in a transaction that is rolled back. On either
/// engine: each has triggers of its own (SQLite's and PostgreSQL's PL/pgSQL), and the statements are the same.
/// </summary>
public sealed class DerivedRowTriggerTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    [Theory]
    [InlineData("""DELETE FROM "EntityLinks" WHERE "EntityId" = 'khujand-summit-2025' AND "Role" = 'participant' AND "TargetId" = 'emomali-rahmon'""")]
    [InlineData("""INSERT INTO "EntityLinks" ("EntityId", "Role", "TargetId", "Position") VALUES ('khujand-summit-2025', 'participant', 'uzbekistan', 9)""")]
    [InlineData("""UPDATE "EntityLinks" SET "TargetId" = 'uzbekistan' WHERE "EntityId" = 'khujand-summit-2025' AND "TargetId" = 'emomali-rahmon'""")]
    [InlineData("""UPDATE "EntityLinks" SET "Role" = 'party' WHERE "EntityId" = 'khujand-summit-2025' AND "TargetId" = 'emomali-rahmon'""")]
    [InlineData("""UPDATE "Entities" SET "CountryId" = 'uzbekistan' WHERE "Id" = 'khujand'""")]
    [InlineData("""UPDATE "Entities" SET "PartOfId" = 'central-asia' WHERE "Id" = 'khujand'""")]
    [InlineData("""UPDATE "Entities" SET "PlaceId" = 'dushanbe' WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""UPDATE "Entities" SET "DateFrom" = '2025-04-01' WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""UPDATE "Entities" SET "Kind" = 'place' WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""UPDATE "Entities" SET "Name" = 'Khujand summit (renamed)' WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""UPDATE "Entities" SET "DateText" = 'in 2025', "DatePrecision" = 'year' WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""UPDATE "Entities" SET "DateTo" = '2025-12-31', "DateQualifier" = 'late', "DateBasis" = 'inferred', "DateNote" = 'a note' WHERE "DateText" IS NOT NULL""")]
    [InlineData("""UPDATE "Facts" SET "DateText" = 'in 2001', "DateNote" = 'a note' WHERE "AttributionId" IS NOT NULL AND "DateText" IS NOT NULL""")]
    [InlineData("""UPDATE "Observations" SET "PeriodText" = 'in 2001', "PeriodTo" = '2001-12-31', "PeriodQualifier" = 'early' WHERE "PeriodText" IS NOT NULL""")]
    [InlineData("""DELETE FROM "Entities" WHERE "Id" = 'khujand-summit-2025'""")]
    [InlineData("""DELETE FROM "Facts" WHERE "SubjectId" = 'sadyr-japarov'""")]
    [InlineData("""DELETE FROM "Facts" WHERE "ObjectId" = 'tajikistan'""")]
    [InlineData("""UPDATE "Facts" SET "SubjectId" = 'uzbekistan' WHERE "SubjectId" = 'sadyr-japarov'""")]
    [InlineData("""UPDATE "Facts" SET "ObjectId" = "SubjectId" WHERE "ObjectId" = 'tajikistan'""")]
    [InlineData("""UPDATE "Facts" SET "ObjectId" = NULL, "Value" = 'a value' WHERE "ObjectId" = 'kyrgyzstan'""")]
    [InlineData("""DELETE FROM "ObservationSubjects" WHERE "EntityId" = 'kyrgyzstan'""")]
    [InlineData("""INSERT INTO "ObservationSubjects" ("ObservationId", "EntityId", "Position") SELECT "Id", 'uzbekistan', 9 FROM "Observations" """)]
    [InlineData("""UPDATE "ObservationSubjects" SET "EntityId" = 'uzbekistan' WHERE "EntityId" = 'tajikistan'""")]
    [InlineData("""UPDATE "Observations" SET "AttributionId" = 'sadyr-japarov'""")]
    [InlineData("""UPDATE "Observations" SET "PeriodFrom" = '2001-01-01' WHERE "PeriodFrom" IS NOT NULL""")]
    [InlineData("""DELETE FROM "Observations" WHERE "Id" IN (SELECT "ObservationId" FROM "ObservationSubjects" WHERE "EntityId" = 'kyrgyzstan')""")]
    [InlineData("""UPDATE "Facts" SET "AttributionId" = 'emomali-rahmon' WHERE "AttributionId" IS NULL AND "SubjectId" = 'kyrgyzstan'""")]
    [InlineData("""UPDATE "Facts" SET "DateFrom" = '2001-01-01' WHERE "AttributionId" IS NOT NULL""")]
    [InlineData("""DELETE FROM "Facts" WHERE "AttributionId" IS NOT NULL""")]
    [InlineData("""UPDATE "Entities" SET "EventId" = NULL WHERE "EventId" IS NOT NULL""")]
    [InlineData("""UPDATE "Entities" SET "CountryId" = NULL WHERE "CountryId" = 'kyrgyzstan'""")]
    [InlineData("""UPDATE "EntityLinks" SET "Role" = 'connects' WHERE "Role" = 'country'""")]
    [InlineData("""DELETE FROM "EntityLinks" WHERE "Role" = 'party'""")]
    [InlineData("""
        CREATE TEMP TABLE "Kept" AS SELECT * FROM "Entities" WHERE "Id" = 'emomali-rahmon';
        DELETE FROM "Entities" WHERE "Id" = 'emomali-rahmon';
        INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "Subtype", "Role", "IsoCode", "Status", "CountryId", "PartOfId", "PlaceId",
            "EventId", "DateText", "DateFrom", "DateTo", "DatePrecision", "DateQualifier", "DateBasis", "DateNote", "Areas", "Origin")
        SELECT "Id", "Kind", "Name", "Description", "Subtype", "Role", "IsoCode", "Status", "CountryId", "PartOfId", "PlaceId",
            "EventId", "DateText", "DateFrom", "DateTo", "DatePrecision", "DateQualifier", "DateBasis", "DateNote", "Areas", 'curator' FROM "Kept";
        DROP TABLE "Kept";
        """)] // a curator's PUT: the row is replaced, and what points at it still does
    [InlineData("""
        INSERT INTO "Facts" ("Id", "SubjectId", "PredicateId", "ObjectId", "Modality", "Origin")
        SELECT 'curated-fact-' || "Id", "ObjectId", "PredicateId", "SubjectId", "Modality", 'curator' FROM "Facts" WHERE "ObjectId" IS NOT NULL
        """)]
    public void EachWriteKeepsTheDerivedRows(string statement)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        DeferForeignKeys(connection);

        using var command = connection.CreateCommand();
        command.CommandText = statement;
        Assert.True(command.ExecuteNonQuery() > 0, statement);

        DerivedRows.AssertKept(connection);
        transaction.Rollback();
    }

    /// <summary>A place written after the events at it (a seed's foreign keys are checked at commit): its events gain its country.</summary>
    [Fact]
    public void APlaceWrittenAfterItsEventsGivesThemItsCountry()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        DeferForeignKeys(connection);
        foreach (var sql in new[]
        {
            """UPDATE "Entities" SET "PlaceId" = 'curated-new-place' WHERE "Id" = 'khujand-summit-2025'""",
            $"""
            INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "CountryId", "Areas")
            VALUES ('curated-new-place', 'place', 'A new place', 'A place written after its event.', 'uzbekistan', {NoAreas})
            """,
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        DerivedRows.AssertKept(connection);
        using var country = connection.CreateCommand();
        country.CommandText = """SELECT count(*) FROM "EventRelations" WHERE "Relation" = 'country' AND "EntityId" = 'uzbekistan' AND "EventId" = 'khujand-summit-2025'""";
        Assert.Equal(1L, country.ExecuteScalar());
        transaction.Rollback();
    }

    /// <summary>An empty list of areas: a JSON array in SQLite's column, a text array in PostgreSQL's.</summary>
    private static string NoAreas => Q7x2ApiFactory.OnPostgres ? "'{}'" : "'[]'";

    private DbConnection Open() => factory.OpenConnection();

    /// <summary>Foreign keys checked at commit, as a curator's write does (a replaced row is briefly missing).</summary>
    private static void DeferForeignKeys(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Q7x2ApiFactory.OnPostgres ? "SET CONSTRAINTS ALL DEFERRED" : "PRAGMA defer_foreign_keys = ON";
        command.ExecuteNonQuery();
    }
}
