using System.Net;
using System.Net.Http.Headers;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class ConditionalGetTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/people?limit=2")]
    [InlineData("/v1/sources/kyrgyz-president-visits-tajikistan")]
    public async Task ReadsSendAnETagAndAnswerIfNoneMatchWithNotModified(string url)
    {
        var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var cache = first.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.Public && cache.MustRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(60), cache.MaxAge);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AStaleETagGetsTheFullResponse()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/people/sadyr-japarov");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));

        var response = await _client.SendAsync(request);

        var person = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("sadyr-japarov", person.GetProperty("id").GetString());
    }

    [Fact]
    public async Task DifferentRepresentationsHaveDifferentETags()
    {
        var a = await _client.GetAsync("/v1/people/sadyr-japarov");
        var b = await _client.GetAsync("/v1/people/emomali-rahmon");

        Assert.NotEqual(a.Headers.ETag, b.Headers.ETag);
    }

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/sources")]
    public async Task HeadAnswersLikeGetWithoutABody(string url)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadOfAnUnknownIdIsNotFound()
    {
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/people/nobody"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task AMalformedNumberIsAProblemNamingTheParameter()
    {
        var problem = await (await _client.GetAsync("/v1/people?limit=ten")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("'ten'", problem.GetProperty("errors").GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
    }
}
