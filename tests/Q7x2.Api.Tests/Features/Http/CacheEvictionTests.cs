using System.Net;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>Writes through this process empty the cache at once; the watcher polls hourly here, so it cannot be what refreshes it.</summary>
public sealed class CacheEvictionTests(QuietCacheHost host) : IClassFixture<QuietCacheHost>
{
    private readonly HttpClient _client = host.Host.CreateClient();
    private readonly HttpClient _curator = host.Host.CreateClient().WithKey(TestKeys.Curator);

    [Fact]
    public async Task AfterAPatchTheNextGetAnswersTheNewBodyAndETag()
    {
        const string url = "/v1/people/emomali-rahmon";
        var before = await CachedAsync(url);

        var patch = await _curator.SendAsync(HttpMethod.Patch, url,
            TestKeys.MergePatch("""{ "description": "Patched while cached." }"""), before.Headers.ETag!.Tag);
        var after = await _client.GetAsync(url);

        await patch.ReadJsonAsync(HttpStatusCode.OK);
        var person = await after.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Patched while cached.", person.GetProperty("description").GetString());
        Assert.False(after.IsCacheHit());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(patch.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task AfterAPutTheDetailAndTheListsThatEmbedTheNameAnswerTheNewName()
    {
        await (await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("cache-put-person", "Before Put").ToJsonString())))
            .ReadJsonAsync(HttpStatusCode.Created);
        var fact = CurationClient.Fact("cache-put-fact", subject: "cache-put-person");
        await (await _curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        var before = await CachedAsync("/v1/people/cache-put-person");
        var factBefore = await CachedAsync("/v1/facts/cache-put-fact");
        Assert.Contains("Before Put", await factBefore.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var put = await _curator.SendAsync(HttpMethod.Put, "/v1/people/cache-put-person",
            TestKeys.Json(CurationClient.Person("cache-put-person", "After Put").ToJsonString()), before.Headers.ETag!.Tag);
        var after = await _client.GetAsync("/v1/people/cache-put-person");
        var factAfter = await _client.GetAsync("/v1/facts/cache-put-fact");

        await put.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("After Put", (await after.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal("After Put", (await factAfter.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("subject").GetProperty("name").GetString());
        Assert.NotEqual(factBefore.Headers.ETag, factAfter.Headers.ETag);
    }

    [Fact]
    public async Task AfterADeleteTheCachedDetailIsNotFound()
    {
        await (await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("cache-deleted-person").ToJsonString())))
            .ReadJsonAsync(HttpStatusCode.Created);
        var before = await CachedAsync("/v1/people/cache-deleted-person");

        var delete = await _curator.SendAsync(HttpMethod.Delete, "/v1/people/cache-deleted-person", null, before.Headers.ETag!.Tag);
        var after = await _client.GetAsync("/v1/people/cache-deleted-person");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await after.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARefusedWriteLeavesTheCacheAsItWas()
    {
        const string url = "/v1/countries/kyrgyzstan";
        var before = await CachedAsync(url);

        var refused = await _curator.SendAsync(HttpMethod.Patch, url, TestKeys.MergePatch("""{ "description": "never" }"""), "\"stale\"");
        host.Commands.Reset();
        var after = await _client.GetAsync(url);

        await refused.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.True(after.IsCacheHit());
        Assert.Equal(0, host.Commands.Count);
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task AWriteMayQuoteTheETagOfACompressedRead()
    {
        const string url = "/v1/places/dushanbe";
        var gzip = await _client.SendAsync(CacheAssertions.Get(url, acceptEncoding: "gzip"));
        Assert.EndsWith("-gzip\"", gzip.Headers.ETag!.Tag, StringComparison.Ordinal);

        var patch = await _curator.SendAsync(HttpMethod.Patch, url, TestKeys.MergePatch("""{ "description": "Patched with a gzip ETag." }"""),
            gzip.Headers.ETag.Tag);
        var after = await _client.SendAsync(CacheAssertions.Get(url, acceptEncoding: "gzip"));

        await patch.ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(gzip.Headers.ETag, after.Headers.ETag);
    }

    /// <summary>GETs <paramref name="url"/> anonymously until the answer comes from the cache.</summary>
    private async Task<HttpResponseMessage> CachedAsync(string url)
    {
        await _client.GetAsync(url);
        var cached = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.True(cached.IsCacheHit());
        return cached;
    }
}
