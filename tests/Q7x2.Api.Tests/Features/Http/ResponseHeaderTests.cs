using System.Net;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class ResponseHeaderTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/people/no-such-person")]
    [InlineData("/v1/people?bogus=1")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/swagger/index.html")]
    public async Task EveryResponseForbidsContentSniffing(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task SwaggerUiHasAContentSecurityPolicyThatAllowsOnlyItsOwnScripts()
    {
        var response = await _client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html); // every script is a file the policy allows
    }

    [Theory]
    [InlineData("/v1/people/no-such-person", HttpStatusCode.NotFound)]
    [InlineData("/v1/people?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/no-such-collection", HttpStatusCode.NotFound)]
    public async Task ProblemsAreNeverStored(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);

        await response.ReadProblemAsync(status);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task WriteResponsesAndTheirProblemsAreNeverStoredWhileReadsStayCacheable()
    {
        var unauthorized = await _client.PostAsync("/v1/people", TestKeys.Json("{}"));
        await unauthorized.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("no-store", unauthorized.Headers.CacheControl?.ToString());

        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var created = await curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("no-store-person").ToJsonString()));
        await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());

        var read = await _client.GetAsync("/v1/people/no-store-person");
        await read.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(read.Headers.CacheControl is { Public: true, NoStore: false, MaxAge.TotalSeconds: 60 }, read.Headers.CacheControl?.ToString());
    }
}
