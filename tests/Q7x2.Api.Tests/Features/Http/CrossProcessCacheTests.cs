using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// Changes committed by another process on the same database — a second API host (its own services, cache and write
/// gate) or a seeding run through its own context — are served within the documented bound (the poll interval, 1 s).
/// </summary>
public sealed class CrossProcessCacheTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AWriteByASecondApiProcessIsServedWithinTheBound()
    {
        const string url = "/v1/people/emomali-rahmon";
        await using var second = factory.WithWebHostBuilder(_ => { });
        var cached = await CachedAsync(url);

        var patch = await second.CreateClient().WithKey(TestKeys.Curator).SendAsync(HttpMethod.Patch, url,
            TestKeys.MergePatch("""{ "description": "Written by the second process." }"""), cached.Headers.ETag!.Tag);
        await patch.ReadJsonAsync(HttpStatusCode.OK);
        var fresh = await CacheAssertions.PollAsync(_client, url, body => body.Contains("Written by the second process.", StringComparison.Ordinal));

        Assert.NotEqual(cached.Headers.ETag, fresh.Headers.ETag);
        Assert.Equal(patch.Headers.ETag, fresh.Headers.ETag);
    }

    [Fact]
    // SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public async Task ASeedRunByAnotherProcessIsServedWithinTheBoundAndAnUnchangedSeedMovesNothing()
    {
        const string url = "/v1/people/sadyr-japarov";
        var cached = await CachedAsync(url);
        using var directory = Repository.TempDirectory();
        var seed = directory.CopyFrom(Repository.Seed, "seed");
        var people = Path.Combine(seed, "people.json");
        await File.WriteAllTextAsync(people, (await File.ReadAllTextAsync(people)).Replace(
            "in power since late 2020, who made", "in power since late 2020 (reseeded), who made", StringComparison.Ordinal));

        var changed = await SeedAsync(seed);
        var fresh = await CacheAssertions.PollAsync(_client, url, body => body.Contains("(reseeded)", StringComparison.Ordinal));
        var version = await VersionAsync();
        var unchanged = await SeedAsync(seed);

        Assert.Equal(1, changed.Changed);
        Assert.NotEqual(cached.Headers.ETag, fresh.Headers.ETag);
        Assert.True(unchanged.Unchanged);
        Assert.Equal(version, await VersionAsync());
    }

    /// <summary>The seeding job as the <c>seed</c> subcommand runs it, through a context and services of its own.</summary>
    private async Task<SeedResult> SeedAsync(string seedPath)
    {
        await using var db = factory.CreateDb();
        return await new Seeder(db, new SqliteSearchIndex()).ApplyAsync(seedPath, dryRun: false, CancellationToken.None);
    }

    private async Task<long> VersionAsync()
    {
        await using var db = factory.CreateDb();
        return await db.DataVersions.Select(v => v.Value).SingleAsync();
    }

    private async Task<HttpResponseMessage> CachedAsync(string url)
    {
        await _client.GetAsync(url);
        var cached = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(cached.IsCacheHit(), JsonSerializer.Serialize(cached.Headers.Select(h => h.Key)));
        return cached;
    }
}
