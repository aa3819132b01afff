using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>The seed's first load on PostgreSQL against the same seed on SQLite (skipped without a server: <see cref="PostgresServer"/>).</summary>
// Picks its engines itself: the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class PostgresSeedTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every stored column a reader sees, table by table, in one order on both engines.</summary>
    private static readonly string[] Tables =
    [
        """SELECT "Id", "Title", "Publisher", "PublishedFrom", "Sha256", "CharCount", "License", "TextRedistributable" FROM "Sources" ORDER BY 1""",
        """SELECT "SourceId", "Position", "Kind", "Reason", "Start", "End", "Exact" FROM "CoverageNotes" ORDER BY 1, 2""",
        """SELECT "Id", "Label", "InverseLabel", "Description" FROM "Predicates" ORDER BY 1""",
        """
        SELECT "Id", "Kind", "Name", "Description", "Subtype", "Role", "IsoCode", "Status", "CountryId", "PartOfId", "PlaceId", "EventId",
            "DateText", "DateFrom", "DateTo", "DatePrecision", "DateQualifier", "DateBasis", "DateNote", "DateKey", "Origin"
        FROM "Entities" ORDER BY 1
        """,
        """SELECT "EntityId", "Name", "Type", "Position" FROM "EntityAliases" ORDER BY 1, 4""",
        """SELECT "EntityId", "Role", "TargetId", "Position" FROM "EntityLinks" ORDER BY 1, 2, 4""",
        """
        SELECT "Id", "SubjectId", "PredicateId", "ObjectId", "Value", "DateText", "DateFrom", "DateTo", "DatePrecision", "DateKey", "Modality",
            "AttributionId", "Note", "Origin"
        FROM "Facts" ORDER BY 1
        """,
        """
        SELECT "EntityId", "FactId", "ObservationId", "SourceId", "Start", "End", "Exact", "Prefix", "Suffix", "Position"
        FROM "Evidence" ORDER BY coalesce("EntityId", ''), coalesce("FactId", ''), coalesce("ObservationId", ''), 10, 5
        """,
        """
        SELECT "Id", "Metric", "Value", "Unit", "Comparator", "PeriodText", "PeriodFrom", "PeriodTo", "PeriodKey", "Modality", "AttributionId", "Note"
        FROM "Observations" ORDER BY 1
        """,
        """SELECT "ObservationId", "EntityId", "Position" FROM "ObservationSubjects" ORDER BY 1, 3""",
        """SELECT "Id", "Label", "LowerFactor", "LowerInclusive", "UpperFactor", "UpperInclusive" FROM "ClaimQualifiers" ORDER BY 1""",
        """SELECT "Id", "SourceId", "Rule", "Unit", "StatedValue", "QualifierId", "Missing", "Start", "End", "Exact" FROM "Claims" ORDER BY 1""",
        """SELECT "ClaimId", "Position", "Role", "RecordId" FROM "ClaimOperands" ORDER BY 1, 2""",
        """SELECT "ClaimId", "EntityId", "Position" FROM "ClaimSubjects" ORDER BY 1, 3""",
        """
        SELECT "TargetId", "Relation", "RecordKind", "DateKey", "RecordId", "Name", "DateText", "DateFrom", "DateTo", "DatePrecision",
            "DateQualifier", "DateBasis", "DateNote"
        FROM "Backlinks" ORDER BY 1, 2, 3, 4, 5
        """,
        """SELECT "TargetId", "Relation", "RecordKind", "Records" FROM "BacklinkCounts" ORDER BY 1, 2, 3""",
        """SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelations" ORDER BY 1, 2, 3""",
        """SELECT "EntityId", "Facts" FROM "EntityFactCounts" ORDER BY 1""",
        """SELECT "Resource", "ResourceId", "Operation", "Actor" FROM "Revisions" ORDER BY "Id" """,
    ];

    /// <summary>The derived tables against the views they are kept from (rows of a count of zero aside).</summary>
    private static readonly (string Kept, string Defined)[] Derived =
    [
        ("""SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelations" ORDER BY 1, 2, 3""",
         """SELECT DISTINCT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows" ORDER BY 1, 2, 3"""),
        ("""SELECT "EntityId", "Facts" FROM "EntityFactCounts" WHERE "Facts" <> 0 ORDER BY 1""",
         """SELECT "EntityId", "Facts" FROM "EntityFactCountRows" ORDER BY 1"""),
        ("""SELECT "TargetId", "Relation", "RecordId", "RecordKind", "Name", "DateFrom" FROM "Backlinks" ORDER BY 1, 2, 3""",
         """SELECT DISTINCT "TargetId", "Relation", "RecordId", "RecordKind", "Name", "DateFrom" FROM "BacklinkRows" ORDER BY 1, 2, 3"""),
        ("""SELECT "TargetId", "Relation", "RecordKind", "Records" FROM "BacklinkCounts" WHERE "Records" <> 0 ORDER BY 1, 2, 3""",
         """SELECT "TargetId", "Relation", "RecordKind", "Records" FROM "BacklinkCountRows" ORDER BY 1, 2, 3"""),
    ];

    [SkippableFact]
    public async Task TheFirstLoadOnPostgresStoresWhatSqliteStores()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = await MigratedAsync(database);
        var search = new RecordingSearchIndex();

        var result = await new Seeder(db, search).ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);

        var sqlitePath = Path.Combine(_temp.Path, "seeded.db");
        TemplateDatabase.CopyTo(sqlitePath);
        await using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Pooling=false");
        await sqlite.OpenAsync();
        var postgres = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var table in Tables)
        {
            var expected = await RowsAsync(sqlite, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RowsAsync(postgres, table));
        }

        Assert.Equal(Repository.SeedCount("facts.json", "facts"), await db.Facts.CountAsync());
        Assert.Equal(await db.Revisions.CountAsync(), await db.Sources.CountAsync() + await db.Predicates.CountAsync()
            + await db.Entities.CountAsync() + await db.Facts.CountAsync() + await db.Observations.CountAsync() + await db.Claims.CountAsync());
        Assert.Equal(result.Added, await db.Revisions.CountAsync() + await db.ClaimQualifiers.CountAsync());
        Assert.Equal(1, await db.DataVersions.Select(v => v.Value).SingleAsync());
        var indexed = await db.Predicates.Select(p => p.Id).Concat(db.Entities.Select(e => e.Id)).Concat(db.Facts.Select(f => f.Id))
            .Concat(db.Observations.Select(o => o.Id)).ToListAsync();
        Assert.Equal(indexed.Order(StringComparer.Ordinal), search.Refreshed.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task TheDerivedTablesOnPostgresFollowTheirViewsThroughWrites()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = await MigratedAsync(database);
        await new Seeder(db, new RecordingSearchIndex()).ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);
        await AssertDerivedKeptAsync(db);

        // A renamed and re-placed event, a participant gone, a fact deleted and an observation's subject moved: each fires
        // the triggers that replace the rows of what changed.
        var @event = await db.Entities.Include(e => e.Links).FirstAsync(e => e.Kind == "event" && e.PlaceId != null && e.Links.Count > 1);
        var place = await db.Entities.Where(e => e.Kind == "place" && e.Id != @event.PlaceId).Select(e => e.Id).FirstAsync();
        (@event.Name, @event.PlaceId) = (@event.Name + " (renamed)", place);
        @event.Links.Remove(@event.Links.First(l => l.Role == "participant"));
        db.Facts.Remove(await db.Facts.FirstAsync(f => f.ObjectId != null));
        var subject = await db.ObservationSubjects.FirstAsync();
        db.ObservationSubjects.Remove(subject);
        await db.SaveChangesAsync();

        await AssertDerivedKeptAsync(db);
    }

    [SkippableFact]
    public async Task ASecondSeedRunOnPostgresIsRefusedAndChangesNothing()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = await MigratedAsync(database);
        var seeder = new Seeder(db, new RecordingSearchIndex());
        var dry = await seeder.ApplyAsync(Repository.Seed, dryRun: true, CancellationToken.None);
        Assert.True(dry.DryRun);
        Assert.Equal(0, await db.Sources.CountAsync());

        await seeder.ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);
        var revisions = await db.Revisions.CountAsync();

        var refused = await Assert.ThrowsAsync<SeedRefusedException>(() => seeder.ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None));

        Assert.Contains("empty database", refused.Message, StringComparison.Ordinal);
        Assert.Equal(revisions, await db.Revisions.CountAsync());
    }

    private static async Task<Q7x2Db> MigratedAsync(PostgresServer.TestDatabase database)
    {
        var db = database.CreateDb();
        await DatabaseCommands.ExclusivelyAsync(db, ct => DatabaseCommands.MigrateAsync(db, ct), CancellationToken.None);
        return db;
    }

    private static async Task AssertDerivedKeptAsync(Q7x2Db db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (kept, defined) in Derived)
            {
                var expected = await RowsAsync(connection, defined);
                Assert.NotEmpty(expected);
                Assert.Equal(expected, await RowsAsync(connection, kept));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Each row as one line of its values in one format on both engines (SQLite keeps dates, decimals and flags as text or integers).</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DBNull => "null",
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool flag => flag ? "1" : "0",
                // As EF Core writes a decimal into SQLite's text (the API reads both back as the same number, trailing zeros trimmed).
                decimal number => number.ToString("0.0###########################", CultureInfo.InvariantCulture),
                IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                var value => value.ToString(),
            })));
        }

        return rows;
    }

    /// <summary>The search index as the seeder calls it: the ids it was asked to refresh (search on PostgreSQL is tested on its own).</summary>
    private sealed class RecordingSearchIndex : ISearchIndex
    {
        public List<string> Refreshed { get; } = [];

        public Task<IReadOnlyList<SearchHit>> SearchAsync(Q7x2Db db, SearchQuery query, string? kind, SearchAfter? after, int take, CancellationToken ct) =>
            throw new NotSupportedException("not used by the seeder");

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(Q7x2Db db, string prefix, string? kind, int take, CancellationToken ct) =>
            throw new NotSupportedException("not used by the seeder");

        public Task RefreshAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct)
        {
            Refreshed.AddRange(ids);
            return Task.CompletedTask;
        }
    }
}
