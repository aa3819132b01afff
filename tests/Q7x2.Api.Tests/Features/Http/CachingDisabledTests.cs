using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class CachingDisabledTests : IClassFixture<Q7x2ApiFactory>
{
    private readonly Q7x2ApiFactory _factory;
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _client;

    public CachingDisabledTests(Q7x2ApiFactory factory)
    {
        _factory = factory;
        _host = factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false"));
        _client = _host.CreateClient();
    }

    [Fact]
    public async Task EveryReadGoesToTheDatabaseAndStillSendsETagsAnd304s()
    {
        var first = await _client.GetAsync("/v1/people/sadyr-japarov");
        _factory.Commands.Reset();

        var second = await _client.GetAsync("/v1/people/sadyr-japarov");
        var sqlOfSecond = _factory.Commands.Count;
        var conditional = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", ifNoneMatch: first.Headers.ETag!.Tag));
        var head = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", method: HttpMethod.Head));
        var gzip = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", acceptEncoding: "gzip"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.IsCacheHit());
        Assert.True(sqlOfSecond > 0);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal((await second.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.NotEqual(first.Headers.ETag, gzip.Headers.ETag);
    }

    [Fact]
    public async Task AWriteElsewhereIsServedAtOnce()
    {
        const string url = "/v1/people/emomali-rahmon";
        var before = await _client.GetAsync(url);
        var other = _factory.CreateClient().WithKey(TestKeys.Curator);

        var patch = await other.SendAsync(HttpMethod.Patch, url,
            TestKeys.MergePatch("""{ "description": "Seen at once." }"""), before.Headers.ETag!.Tag);
        var after = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Contains("Seen at once.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
