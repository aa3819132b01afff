using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// <c>Caching:Redis</c>: API processes on one database share their cached reads through Redis, and a write through one
/// evicts them for all at once. Each test starts a private redis-server (skipped without one) and hosts whose data-version
/// watcher polls once an hour, so that only the shared eviction can make another process serve a change.
/// </summary>
public sealed class SharedCacheTests
{
    private const string Url = "/v1/people/emomali-rahmon";

    [SkippableFact]
    public async Task AWriteThroughOneProcessEvictsTheCachedReadsOfAnotherAtOnce()
    {
        using var redis = await RedisServer.StartAsync();
        using var database = new Q7x2ApiFactory();
        var (writer, reader) = Replicas(database, redis.Configuration);
        var readerClient = reader.CreateClient();
        await readerClient.GetAsync(Url);
        var cached = await readerClient.GetAsync(Url);

        var patch = await writer.CreateClient().WithKey(TestKeys.Curator).PatchAsync(Url, """{ "description": "Written through the other replica." }""");
        var fresh = await readerClient.GetAsync(Url);
        var again = await readerClient.GetAsync(Url);

        Assert.True(cached.IsCacheHit());
        await patch.ReadJsonAsync(HttpStatusCode.OK);
        var person = await fresh.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Written through the other replica.", person.GetProperty("description").GetString());
        Assert.False(fresh.IsCacheHit());
        Assert.Equal(patch.Headers.ETag, fresh.Headers.ETag);
        Assert.True(again.IsCacheHit());
        Assert.Equal(patch.Headers.ETag, again.Headers.ETag);
    }

    [SkippableFact]
    public async Task AReadCachedByOneProcessIsServedFromRedisByAnotherWithoutSql()
    {
        using var redis = await RedisServer.StartAsync();
        using var database = new Q7x2ApiFactory();
        var instance = $"q7x2-test-{Guid.NewGuid():N}";
        var (first, second) = Replicas(database, redis.Configuration, instance);
        var filled = await first.CreateClient().GetAsync(Url);
        database.Commands.Reset();

        var hit = await second.CreateClient().GetAsync(Url);

        await filled.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(filled.IsCacheHit());
        await hit.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(hit.IsCacheHit());
        Assert.Equal(0, database.Commands.Count);
        Assert.Equal(filled.Headers.ETag, hit.Headers.ETag);
        Assert.Equal(await filled.Content.ReadAsByteArrayAsync(), await hit.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await redis.KeysAsync(instance));
    }

    [Fact]
    public async Task ReadsAndWritesAnswerWhenNothingListensAtTheRedisAddress()
    {
        using var database = new Q7x2ApiFactory();
        var api = database.WithWebHostBuilder(b => b.UseSetting("Caching:Redis", $"127.0.0.1:{FreeLoopbackPort()}"));
        var client = api.CreateClient();

        var first = await client.GetAsync(Url);
        var second = await client.GetAsync(Url);
        var list = await client.GetAsync("/v1/facts?limit=5");
        var patch = await client.WithKey(TestKeys.Curator).PatchAsync(Url, """{ "description": "Written without Redis." }""");
        var after = await api.CreateClient().GetAsync(Url);

        await first.ReadJsonAsync(HttpStatusCode.OK);
        await second.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(second.IsCacheHit());
        Assert.Equal(5, (await list.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Written without Redis.", (await after.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("description").GetString());
    }

    [SkippableFact]
    public async Task ReadsAnswerUncachedWhenRedisStopsWhileTheApiRuns()
    {
        using var redis = await RedisServer.StartAsync();
        using var database = new Q7x2ApiFactory();
        var api = database.WithWebHostBuilder(b => b.UseSetting("Caching:Redis", redis.Configuration));
        var client = api.CreateClient();
        await client.GetAsync(Url);
        var cached = await client.GetAsync(Url);

        redis.Stop();
        var uncached = await client.GetAsync(Url);
        var again = await client.GetAsync(Url);

        Assert.True(cached.IsCacheHit());
        await uncached.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(uncached.IsCacheHit());
        await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(again.IsCacheHit());
        Assert.Equal(cached.Headers.ETag, again.Headers.ETag);
    }

    /// <summary>Two hosts (two API processes as far as caching goes) on one database and one Redis, both started.</summary>
    private static (WebApplicationFactory<Program> First, WebApplicationFactory<Program> Second) Replicas(
        Q7x2ApiFactory database, string redis, string? instance = null)
    {
        instance ??= $"q7x2-test-{Guid.NewGuid():N}";
        var replicas = (Replica(), Replica());

        // Each process drops the shared entries as it starts: both start before the test caches anything.
        _ = replicas.Item1.Server;
        _ = replicas.Item2.Server;
        return replicas;

        WebApplicationFactory<Program> Replica() => database.WithWebHostBuilder(b => b
            .UseSetting("Caching:Redis", redis)
            .UseSetting("Caching:RedisInstanceName", instance)
            .UseSetting("Caching:PollInterval", "01:00:00"));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
