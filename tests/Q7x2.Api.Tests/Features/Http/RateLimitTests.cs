using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>The API with budgets switched on and set low. Each test is its own client (one API key each, or none), so budgets do not mix.</summary>
public sealed class RateLimitedApi : IDisposable
{
    public const int Reads = 3;
    public const int Search = 2;
    public const int Writes = 2;

    private readonly Q7x2ApiFactory _inner = new();

    public RateLimitedApi() => Factory = _inner.WithWebHostBuilder(builder => builder
        .UseSetting("RateLimiting:Enabled", "true")
        .UseSetting("RateLimiting:Reads:PermitsPerMinute", $"{Reads}")
        .UseSetting("RateLimiting:Search:PermitsPerMinute", $"{Search}")
        .UseSetting("RateLimiting:Writes:PermitsPerMinute", $"{Writes}"));

    public WebApplicationFactory<Program> Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        _inner.Dispose();
    }
}

public sealed class RateLimitTests(RateLimitedApi api) : IClassFixture<RateLimitedApi>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task ExhaustingTheReadBudgetAnswers429WithRetryAfterAndRateLimitHeaders()
    {
        var client = api.Factory.CreateClient().WithKey(TestKeys.Reader);
        for (var i = 1; i <= RateLimitedApi.Reads; i++)
        {
            var ok = await client.GetAsync("/v1/predicates");
            await ok.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal($"\"reads\";q={RateLimitedApi.Reads};w=60", Header(ok, "RateLimit-Policy"));
            Assert.Matches($"^\"reads\";r={RateLimitedApi.Reads - i};t=([1-5]?[0-9]|60)$", Header(ok, "RateLimit"));
        }

        var refused = await client.GetAsync("/v1/predicates");

        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("reads", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var retryAfter = int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal($"\"reads\";q={RateLimitedApi.Reads};w=60", Header(refused, "RateLimit-Policy"));
        Assert.Equal($"\"reads\";r=0;t={retryAfter}", Header(refused, "RateLimit"));
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ExhaustingTheSearchBudgetDoesNotBlockReads()
    {
        var client = api.Factory.CreateClient().WithKey(TestKeys.Admin);
        for (var i = 0; i < RateLimitedApi.Search; i++)
        {
            await (await client.GetAsync("/v1/search?q=japarov")).ReadJsonAsync(HttpStatusCode.OK);
        }

        var refused = await client.GetAsync("/v1/search?q=japarov");
        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.StartsWith("\"search\";", Header(refused, "RateLimit-Policy"), StringComparison.Ordinal);

        var read = await client.GetAsync("/v1/people/sadyr-japarov");
        await read.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Matches($"^\"reads\";r={RateLimitedApi.Reads - 1};t=[0-9]+$", Header(read, "RateLimit"));
    }

    [Fact]
    public async Task WritesHaveTheirOwnBudgetPerApiKey()
    {
        var curator = api.Factory.CreateClient().WithKey(TestKeys.Curator);
        for (var i = 0; i < RateLimitedApi.Writes; i++)
        {
            // Invalid bodies: refused by validation, yet each one is a write that costs budget.
            await (await curator.PostAsync("/v1/people", TestKeys.Json("{}"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        }

        var refused = await curator.PostAsync("/v1/people", TestKeys.Json("{}"));
        await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.StartsWith("\"writes\";", Header(refused, "RateLimit-Policy"), StringComparison.Ordinal);

        // The curator's reads are another budget, and another key's writes another client.
        await (await curator.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        var anonymous = await api.Factory.CreateClient().PostAsync("/v1/people", TestKeys.Json("{}"));
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task HealthAndTheOpenApiDocumentAreOutsideEveryBudget()
    {
        var client = api.Factory.CreateClient();
        for (var i = 0; i < RateLimitedApi.Reads + 2; i++)
        {
            foreach (var url in new[] { "/health/live", "/health/ready", "/openapi/v1.json", "/swagger/index.html" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("RateLimit"), url);
            }
        }
    }

    [Fact]
    public async Task AnonymousReadsServedFromTheOutputCacheStillCountAndReportTheirOwnBudget()
    {
        var client = api.Factory.CreateClient();
        for (var i = 1; i <= RateLimitedApi.Reads; i++)
        {
            var ok = await client.GetAsync("/v1/countries/tajikistan");
            await ok.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(i > 1, ok.Headers.Age is not null); // the first fills the cache, the others are hits
            Assert.Matches($"^\"reads\";r={RateLimitedApi.Reads - i};t=[0-9]+$", Header(ok, "RateLimit"));
        }

        await (await client.GetAsync("/v1/countries/tajikistan")).ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
