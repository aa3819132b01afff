using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Api.Tests.Features.Search;

/// <summary>
/// A handful of records written through EF (one source, five entities, three facts, one observation) into a migrated PostgreSQL
/// database and a migrated SQLite file, each indexed by its engine's <see cref="ISearchIndex"/>: the same probes run on both.
/// Without <see cref="PostgresServer.Variable"/> only the SQLite database is made (the PostgreSQL tests skip).
/// </summary>
public sealed class SearchProbeData : IAsyncLifetime
{
    public const string SourceId = "test-article";

    /// <summary>Only characters of the Basic Multilingual Plane, so an index into the string is a code point offset.</summary>
    public const string Text =
        "Sadyr Japarov visited Dushanbe on Tuesday. Rahmon and Japarov also discussed the creation of free economic zones along " +
        "the border. Tajikistan’s Lakhsh (formerly Jirgatal) districts border Kyrgyzstan. Trade reached $6.1 million, that is " +
        "15 times more than the meager $405,100 of the year before.";

    private readonly TempDirectory _temp = Repository.TempDirectory();

    private PostgresServer.TestDatabase? Postgres { get; set; }

    public string SqlitePath => Path.Combine(_temp.Path, "search.db");

    public Q7x2Db CreatePostgresDb() => (Postgres ?? throw new InvalidOperationException("no PostgreSQL server")).CreateDb();

    public Q7x2Db CreateSqliteDb() => new(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite($"Data Source={SqlitePath}").Options);

    public async Task InitializeAsync()
    {
        await using (var sqlite = CreateSqliteDb())
        {
            await FillAsync(sqlite, new SqliteSearchIndex());
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresServer.Variable)))
        {
            Postgres = PostgresServer.NewDatabase();
            await using var postgres = CreatePostgresDb();
            await FillAsync(postgres, new PostgresSearchIndex());
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }

        _temp.Dispose();
    }

    /// <summary>Migrates the database, writes the records and indexes them all (the refresh of a first load).</summary>
    public static async Task FillAsync(Q7x2Db db, ISearchIndex index)
    {
        await DatabaseCommands.ExclusivelyAsync(db, ct => DatabaseCommands.MigrateAsync(db, ct), CancellationToken.None);
        db.Sources.Add(new Source
        {
            Id = SourceId, Title = "Test article", Language = "en", Text = Text, CharCount = Text.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text))),
        });
        db.Predicates.AddRange(
            new Predicate { Id = "president-of", Label = "president of", Description = "Holds the office of president of a country." },
            new Predicate { Id = "discussed", Label = "discussed", Description = "Talked about a topic." });
        db.Entities.AddRange(
            Entity("sadyr-japarov", EntityKind.Person, "Sadyr Japarov", "President of Kyrgyzstan.", ["Japarov"], Quote("Sadyr Japarov visited Dushanbe")),
            Entity("emomali-rahmon", EntityKind.Person, "Emomali Rahmon", "President of Tajikistan.", []),
            Entity("kyrgyzstan", EntityKind.Country, "Kyrgyzstan", "A country in Central Asia.", ["Kyrgyz Republic"]),
            Entity("tajikistan", EntityKind.Country, "Tajikistan", "A country in Central Asia.", ["Tajik Republic"]),
            Entity("lakhsh-district", EntityKind.Place, "Lakhsh District", "A district in the east of the country.", ["Jirgatal"],
                Quote("Tajikistan’s Lakhsh (formerly Jirgatal) districts")));
        db.Facts.AddRange(
            new Fact { Id = "japarov-president-of-kyrgyzstan", SubjectId = "sadyr-japarov", PredicateId = "president-of", ObjectId = "kyrgyzstan", Modality = "stated" },
            new Fact { Id = "rahmon-president-of-tajikistan", SubjectId = "emomali-rahmon", PredicateId = "president-of", ObjectId = "tajikistan", Modality = "stated" },
            new Fact
            {
                Id = "talks-discussed-free-economic-zones", SubjectId = "sadyr-japarov", PredicateId = "discussed",
                Value = "economic cooperation in the border areas", Modality = "discussed",
                Evidence = [Quote("Rahmon and Japarov also discussed the creation of free economic zones along the border")],
            });
        db.Observations.Add(new Observation
        {
            Id = "kyrgyz-tajik-trade-growth", Metric = "trade-growth", Value = 15, Unit = "ratio", Comparator = "eq", Modality = "stated",
            Note = "Kyrgyz-Tajik trade, year on year.",
            Subjects = [new() { ObservationId = "kyrgyz-tajik-trade-growth", EntityId = "kyrgyzstan" },
                new() { ObservationId = "kyrgyz-tajik-trade-growth", EntityId = "tajikistan", Position = 1 }],
            Evidence = [Quote("that is 15 times more than the meager $405,100")],
        });
        await db.SaveChangesAsync();

        string[] ids = [.. db.Entities.Select(e => e.Id), .. db.Facts.Select(f => f.Id), .. db.Observations.Select(o => o.Id)];
        await index.RefreshAsync(db, ids, CancellationToken.None);
    }

    /// <summary>Where <paramref name="exact"/> is in <see cref="Text"/>.</summary>
    public static Evidence Quote(string exact)
    {
        var start = Text.IndexOf(exact, StringComparison.Ordinal);
        Assert.True(start >= 0, exact);
        return new Evidence { SourceId = SourceId, Start = start, End = start + exact.Length, Exact = exact, Prefix = "", Suffix = "" };
    }

    private static Entity Entity(string id, string kind, string name, string description, string[] aliases, params Evidence[] evidence) => new()
    {
        Id = id, Kind = kind, Name = name, Description = description,
        Aliases = [.. aliases.Select((alias, i) => new EntityAlias { EntityId = id, Name = alias, Type = "alias", Position = i })],
        Evidence = [.. evidence],
    };
}
