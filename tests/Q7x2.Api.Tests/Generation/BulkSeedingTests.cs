using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// The streamed seeder on a generated corpus: a re-seed rewrites only the records whose content changed (it compares hashes),
/// and an error in the very last record read still leaves the database as it was.
/// </summary>
// SQLite only: the seeder's bulk first load into a SQLite file (PostgreSQL's first load: PostgresSeedTests).
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class BulkSeedingTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private string DatabasePath => Path.Combine(_temp.Path, "corpus.db");

    private Task<SeedResult> SeedAsync(string folder) => GeneratedCorpus.SeedAsync($"Data Source={DatabasePath}", folder);

    /// <summary>Each evidence row's database-made id with its owner: a rewritten record gets new ones.</summary>
    private async Task<Dictionary<long, string>> EvidenceIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT Id, coalesce(EntityId, FactId, ObservationId) FROM Evidence", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new Dictionary<long, string>();
        while (await reader.ReadAsync())
        {
            ids[reader.GetInt64(0)] = reader.GetString(1);
        }

        return ids;
    }

    [Fact]
    public async Task AReseedRewritesOnlyTheRecordWhoseContentChanged()
    {
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 3);
        await SeedAsync(folder);
        var before = await EvidenceIdsAsync();
        var edited = "";
        Edit(folder, "facts.json", root =>
        {
            var fact = root["facts"]![100]!;
            edited = (string)fact["id"]!;
            fact["note"] = "Edited after the first seed.";
        });

        var result = await SeedAsync(folder);

        Assert.Equal("0 added, 1 changed, 0 removed, 0 kept (curator-owned)", result.ToString());
        var after = await EvidenceIdsAsync();
        Assert.Equal(before.Where(e => e.Value != edited), after.Where(e => e.Value != edited));
        Assert.NotEqual(before.Where(e => e.Value == edited).Select(e => e.Key), after.Where(e => e.Value == edited).Select(e => e.Key));
        await using var db = GeneratedCorpus.Database($"Data Source={DatabasePath}");
        Assert.Equal("Edited after the first seed.", (await db.Facts.SingleAsync(f => f.Id == edited)).Note);
        var hits = await new SqliteSearchIndex().SearchAsync(db, SearchQuery.Parse("\"Edited after the first seed\""), null, null, 5, CancellationToken.None);
        Assert.Equal(edited, Assert.Single(hits).Id);
    }

    [Fact]
    public async Task ABadQuoteInTheLastRecordReadLeavesTheDatabaseUntouched()
    {
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 4);
        await SeedAsync(folder);
        Edit(folder, "people.json", root => root["people"]![0]!["description"] = "A valid change that must not be written either.");
        var last = 0;
        Edit(folder, "observations.json", root =>
        {
            var observations = root["observations"]!.AsArray();
            last = observations.Count - 1;
            observations[last]!["evidence"]![0]!["exact"] = "a quote that is in no source";
        });
        var before = await DatabaseSnapshot.TakeAsync(DatabasePath);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() => SeedAsync(folder));

        var line = Assert.Single(error.Errors);
        Assert.Equal(("observations.json", $"$.observations[{last}].evidence[0].exact"), (line.File, line.Path));
        Assert.StartsWith("quote not found in the source text", line.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(DatabasePath));
    }

    [Fact]
    public async Task AFirstLoadEndsWithTheIndexesTheMigrationsMakeAndEveryRowInThem()
    {
        // The first load into empty tables writes without their secondary indexes and builds them at the end.
        var migrated = Path.Combine(_temp.Path, "migrated.db");
        await using (var db = GeneratedCorpus.Database($"Data Source={migrated}"))
        {
            await Q7x2.Api.Infrastructure.DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        }

        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 5);
        await SeedAsync(folder);

        Assert.Equal(await SchemaAsync(migrated), await SchemaAsync(DatabasePath));
        Assert.Equal(["ok"], await QueryAsync(DatabasePath, "PRAGMA integrity_check"));
        Assert.Equal(await QueryAsync(DatabasePath, "SELECT count(*) FROM Facts"),
            await QueryAsync(DatabasePath, "SELECT count(*) FROM Facts INDEXED BY IX_Facts_SubjectId_DateKey_Id WHERE SubjectId IS NOT NULL"));
    }

    [Fact]
    public async Task AFirstLoadThatFailsLeavesTheEmptyDatabaseWithItsIndexes()
    {
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 6);
        Edit(folder, "observations.json", root =>
        {
            var observations = root["observations"]!.AsArray();
            observations[^1]!["evidence"]![0]!["exact"] = "a quote that is in no source";
        });
        await using (var db = GeneratedCorpus.Database($"Data Source={DatabasePath}"))
        {
            await Q7x2.Api.Infrastructure.DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        }

        var schema = await SchemaAsync(DatabasePath);
        var before = await DatabaseSnapshot.TakeAsync(DatabasePath);

        await Assert.ThrowsAsync<SeedValidationException>(() => SeedAsync(folder));

        Assert.Equal(schema, await SchemaAsync(DatabasePath));
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(DatabasePath));
    }

    [Fact]
    public async Task ASeedRunThatWritesLeavesAnEmptyWriteAheadLog()
    {
        // Every later first open of the database would read a log as large as what the run wrote.
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 8);
        await using (var db = GeneratedCorpus.Database($"Data Source={DatabasePath}"))
        {
            await Q7x2.Api.Infrastructure.DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        }

        // A connection of another process, open across the run: SQLite deletes the log when the last connection closes, which
        // would hide a log left full.
        // SQLite opens the files on a connection's first statement, not when it is opened: without one, the connection did not
        // count, and the log was gone after the run in 1 CI run of 3.
        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var read = new SqliteCommand("SELECT count(*) FROM sqlite_schema", other))
        {
            Assert.True(Convert.ToInt64(await read.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        }

        await SeedAsync(folder);

        Assert.Equal(0, new FileInfo(DatabasePath + "-wal").Length);
        Assert.NotEmpty(await QueryAsync(DatabasePath, "SELECT Id FROM Facts LIMIT 1"));
    }

    /// <summary>Every index, table, view and trigger with its SQL.</summary>
    private static Task<List<string>> SchemaAsync(string path) =>
        QueryAsync(path, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");

    private static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static void Edit(string folder, string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(folder, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
