using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class OutputCacheTests(QuietCacheHost host) : IClassFixture<QuietCacheHost>
{
    private readonly HttpClient _client = host.Host.CreateClient();

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/search?q=japarov")]
    [InlineData("/v1/timeline")]
    public async Task ARepeatedReadIsAnsweredFromTheCacheWithoutSql(string url)
    {
        await host.EvictAsync();
        host.Commands.Reset();
        var first = await _client.GetAsync(url);
        var sqlOfFirst = host.Commands.Count;
        host.Commands.Reset();

        var second = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.IsCacheHit());
        Assert.True(sqlOfFirst > 0);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.IsCacheHit());
        Assert.Equal(0, host.Commands.Count);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfNoneMatchIsAnsweredWithNotModifiedFromTheCache()
    {
        await host.EvictAsync();
        var etag = (await _client.GetAsync("/v1/people/emomali-rahmon")).Headers.ETag!.Tag;
        host.Commands.Reset();

        var response = await _client.SendAsync(CacheAssertions.Get("/v1/people/emomali-rahmon", ifNoneMatch: etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, host.Commands.Count);
    }

    [Fact]
    public async Task AConditionalMissAnswersNotModifiedAndStoresTheFullResponse()
    {
        await host.EvictAsync();
        var keyed = host.Host.CreateClient().WithKey(TestKeys.Reader);
        var etag = (await keyed.GetAsync("/v1/countries/tajikistan")).Headers.ETag!.Tag;
        host.Commands.Reset();

        var conditional = await _client.SendAsync(CacheAssertions.Get("/v1/countries/tajikistan", ifNoneMatch: etag));
        var sqlOfConditional = host.Commands.Count;
        host.Commands.Reset();
        var plain = await _client.GetAsync("/v1/countries/tajikistan");

        Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        Assert.Equal(etag, conditional.Headers.ETag?.Tag);
        Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        Assert.True(sqlOfConditional > 0);
        var country = await plain.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("tajikistan", country.GetProperty("id").GetString());
        Assert.True(plain.IsCacheHit());
        Assert.Equal(0, host.Commands.Count);
        Assert.Equal(etag, plain.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task HeadIsAnsweredFromTheEntryOfTheGet()
    {
        await host.EvictAsync();
        var get = await _client.GetAsync("/v1/people/sadyr-japarov");
        host.Commands.Reset();

        var head = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", method: HttpMethod.Head));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.IsCacheHit());
        Assert.Equal(0, host.Commands.Count);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AHeadFillsTheEntryAGetIsAnsweredFrom()
    {
        await host.EvictAsync();
        var head = await _client.SendAsync(CacheAssertions.Get("/v1/places/dushanbe", method: HttpMethod.Head));
        host.Commands.Reset();

        var get = await _client.GetAsync("/v1/places/dushanbe");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.False(head.IsCacheHit());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var place = await get.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("dushanbe", place.GetProperty("id").GetString());
        Assert.True(get.IsCacheHit());
        Assert.Equal(0, host.Commands.Count);
        Assert.Equal(head.Content.Headers.ContentLength, (await get.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(head.Headers.ETag, get.Headers.ETag);
    }

    [Theory]
    [InlineData("X-Api-Key", TestKeys.Reader)]
    [InlineData("X-Api-Key", TestKeys.Curator)]
    [InlineData("Authorization", "Bearer some-token")]
    public async Task ARequestWithCredentialsIsNotAnsweredFromTheCache(string header, string value)
    {
        await host.EvictAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/v1/people/sadyr-japarov")).StatusCode);
        host.Commands.Reset();
        var request = CacheAssertions.Get("/v1/people/sadyr-japarov");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.IsCacheHit());
        Assert.True(host.Commands.Count > 0);
    }

    [Fact]
    public async Task ARequestWithAnApiKeyIsNotStoredInTheCache()
    {
        await host.EvictAsync();
        var keyed = host.Host.CreateClient().WithKey(TestKeys.Reader);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/v1/people/sadyr-japarov")).StatusCode);
        host.Commands.Reset();

        var anonymous = await _client.GetAsync("/v1/people/sadyr-japarov");

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False(anonymous.IsCacheHit());
        Assert.True(host.Commands.Count > 0);
    }

    [Fact]
    public async Task EntriesAreKeyedByTheExactPathAndQuery()
    {
        await host.EvictAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/v1/people/sadyr-japarov")).StatusCode);
        var one = await (await _client.GetAsync("/v1/people?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        var upperCase = await _client.GetAsync("/v1/people/SADYR-JAPAROV");
        var two = await (await _client.GetAsync("/v1/people?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var misspelt = await _client.GetAsync("/v1/people?Limit=1&limt=1");

        await upperCase.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, one.GetProperty("items").GetArrayLength());
        Assert.Equal(2, two.GetProperty("items").GetArrayLength());
        await misspelt.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnswersOtherThanOkAreNotStored()
    {
        await host.EvictAsync();
        await (await _client.GetAsync("/v1/people/nobody")).ReadProblemAsync(HttpStatusCode.NotFound);
        host.Commands.Reset();

        var again = await _client.GetAsync("/v1/people/nobody");

        await again.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.False(again.IsCacheHit());
        Assert.True(host.Commands.Count > 0);
    }
}
