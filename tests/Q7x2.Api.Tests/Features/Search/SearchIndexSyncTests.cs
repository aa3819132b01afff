using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Search;

/// <summary>The index follows the data: after a re-seed with no restart, and when the migration meets a database that already has data.</summary>
public sealed class SearchIndexSyncTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    // SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public async Task AReseedIsReflectedBySearchWithoutARestart()
    {
        await using var factory = new Q7x2ApiFactory();
        var client = factory.CreateClient();
        Assert.Contains("talks-discussed-free-economic-zones", Ids(await SearchAsync(client, "\"free economic zones\"")));
        Assert.Empty(await SearchAsync(client, "Zhaparov"));
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        Edit(seed, "people.json", root => root["people"]!.AsArray().Single(p => (string?)p!["id"] == "sadyr-japarov")!["name"] = "Sadyr Zhaparov");
        Edit(seed, "facts.json", root =>
        {
            var facts = root["facts"]!.AsArray();
            facts.Remove(facts.Single(f => (string?)f!["id"] == "talks-discussed-free-economic-zones"));
        });

        using (var scope = factory.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<Seeder>();
            var result = await seeder.ApplyAsync(seed, dryRun: false, CancellationToken.None);
            Assert.Equal("0 added, 1 changed, 1 removed, 0 kept (curator-owned)", result.ToString());
        }

        // Seeding outside the API's write path reaches its read cache within the poll bound (README: caching).
        var renamed = await SearchAsync(client, "Zhaparov");
        for (var clock = Stopwatch.StartNew(); renamed.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(60); renamed = await SearchAsync(client, "Zhaparov"))
        {
            await Task.Delay(100);
        }

        Assert.Equal("sadyr-japarov", renamed[0].GetProperty("id").GetString());
        Assert.Equal("Sadyr Zhaparov", renamed[0].GetProperty("name").GetString());
        var fact = Assert.Single(renamed, h => h.GetProperty("id").GetString() == "japarov-president-of-kyrgyzstan");
        Assert.Equal("Sadyr Zhaparov – president of – Kyrgyzstan", fact.GetProperty("name").GetString());
        Assert.DoesNotContain(await SearchAsync(client, "japarov"), h => h.GetProperty("name").GetString()!.Contains("Sadyr Japarov", StringComparison.Ordinal));
        Assert.DoesNotContain("talks-discussed-free-economic-zones", Ids(await SearchAsync(client, "\"free economic zones\"")));
        var suggestions = await (await client.GetAsync("/v1/search/suggest?prefix=zhap")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("sadyr-japarov", suggestions.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task TheMigrationIndexesTheDataAlreadyThereAndItsDownRemovesTheIndex()
    {
        await using var db = new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>()
            .UseQ7x2Sqlite($"Data Source={Path.Combine(_temp.Path, "existing.db")}")
            .Options);
        var migrations = db.Database.GetMigrations().ToList();
        var addSearchIndex = migrations.Single(m => m.EndsWith("_AddSearchIndex", StringComparison.Ordinal));
        var previous = migrations[migrations.IndexOf(addSearchIndex) - 1];
        var migrator = db.GetService<IMigrator>();
        // The seeder writes the current model; migrating down to before search keeps the data and drops the index.
        await migrator.MigrateAsync();
        await new Seeder(db, new NoSearchIndex()).ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);
        await migrator.MigrateAsync(previous);

        await migrator.MigrateAsync(addSearchIndex);

        var hits = await new SqliteSearchIndex().SearchAsync(db, SearchQuery.Parse("Jirgatal"), null, null, 5, CancellationToken.None);
        Assert.Equal("lakhsh-district", hits[0].Id);
        var records = await db.Entities.CountAsync() + await db.Facts.CountAsync() + await db.Observations.CountAsync();
        Assert.Equal(records, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex").SingleAsync());

        await migrator.MigrateAsync(previous);

        Assert.Equal(0, await db.Database.SqlQuery<int>(
            $"SELECT count(*) AS Value FROM sqlite_master WHERE name IN ('SearchIndex', 'SearchDocuments')").SingleAsync());
    }

    /// <summary>The data as it was before search existed: no index to keep.</summary>
    private sealed class NoSearchIndex : ISearchIndex
    {
        public Task<IReadOnlyList<SearchHit>> SearchAsync(Q7x2Db db, SearchQuery query, string? kind, SearchAfter? after, int take, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<Suggestion>> SuggestAsync(Q7x2Db db, string prefix, string? kind, int take, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task RefreshAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct) => Task.CompletedTask;
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q)
    {
        var page = await (await client.GetAsync($"/v1/search?q={Uri.EscapeDataString(q)}&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static List<string?> Ids(List<JsonElement> hits) => [.. hits.Select(h => h.GetProperty("id").GetString())];

    private static void Edit(string seed, string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(seed, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
    }
}
