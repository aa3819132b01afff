using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// After warm-up no read makes EF compile a query: every value (an id, a filter, a cursor's keyset) reaches SQL as a
/// parameter, so the compiled-query cache answers. A value built into the expression compiles a new query per request.
/// </summary>
public sealed class QueryCompilationTests : IClassFixture<Q7x2ApiFactory>
{
    private readonly Q7x2ApiFactory _factory;
    private readonly HttpClient _client;

    public QueryCompilationTests(Q7x2ApiFactory factory)
    {
        _factory = factory;

        // An output cache would answer repeats without reaching EF; this test is about the path under it.
        _client = factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")).CreateClient();
    }

    [Fact]
    public async Task RepeatingEveryReadCompilesNoQuery()
    {
        var examples = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(Repository.Root, "src", "Q7x2.Api", "Infrastructure", "OpenApiExamples.json")))!.AsObject();
        var requests = examples.Select(e => e.Value!["request"]!.GetValue<string>()).Where(r => r.StartsWith("/v1/", StringComparison.Ordinal))
            .Concat(["/v1/people/sadyr-japarov", "/v1/facts/rustam-emomali-heir-apparent", "/v1/facts?limit=20", "/v1/timeline", "/v1/search?q=japarov"])
            .ToList();

        var compiling = new List<string>();
        foreach (var request in requests)
        {
            await GetAsync(request);
            var compilations = await GetAsync(request);
            if (compilations > 0)
            {
                compiling.Add($"{request} ({compilations})");
            }
        }

        Assert.True(requests.Count >= 40, $"only {requests.Count} reads");
        Assert.True(compiling.Count == 0, $"repeated reads that compiled a query: {string.Join(", ", compiling)}");
    }

    [Theory]
    [InlineData("/v1/people?")]
    [InlineData("/v1/people?sort=-id&")]
    [InlineData("/v1/entities?")]
    [InlineData("/v1/events?")]
    [InlineData("/v1/events?from=2000-01-01&to=2030-12-31&sort=-date&")]
    [InlineData("/v1/facts?")]
    [InlineData("/v1/facts?entity=sadyr-japarov&sort=-date&")]
    [InlineData("/v1/observations?")]
    [InlineData("/v1/trade-figures?sort=period&")]
    [InlineData("/v1/predicates?")]
    [InlineData("/v1/sources/kyrgyz-president-visits-tajikistan/evidence?")]
    [InlineData("/v1/timeline?")]
    [InlineData("/v1/search?q=tajikistan&")]
    public async Task WalkingAListAgainWithOtherCursorsCompilesNoQuery(string list)
    {
        // The first walk meets every shape the list's queries take; the second, with another page size, sends cursors with
        // other keyset values, so a value built into an expression shows as a compilation.
        await WalkAsync($"{list}limit=2");
        var (pages, compilations) = await WalkAsync($"{list}limit=3");

        Assert.True(pages >= 2, $"{list} has one page: no cursor was tried");
        Assert.Equal(0, compilations);
    }

    [Fact]
    public async Task ThePersonDetailOfAnotherPersonCompilesNoQuery()
    {
        await GetAsync("/v1/people/sadyr-japarov");

        Assert.Equal(0, await GetAsync("/v1/people/emomali-rahmon"));
    }

    /// <summary>Follows <c>Link: rel="next"</c> to the last page; returns the pages read and the queries compiled on the way.</summary>
    private async Task<(int Pages, int Compilations)> WalkAsync(string url)
    {
        var (pages, compilations) = (0, 0);
        for (string? next = url; next is not null; pages++)
        {
            Assert.True(pages < 500, $"{url} never ends");
            var response = await GetResponseAsync(next);
            compilations += _factory.Compilations.Count;
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
        }

        return (pages, compilations);
    }

    /// <summary>Sends a read and returns how many queries EF compiled for it.</summary>
    private async Task<int> GetAsync(string url)
    {
        await GetResponseAsync(url);
        return _factory.Compilations.Count;
    }

    private async Task<HttpResponseMessage> GetResponseAsync(string url)
    {
        _factory.Compilations.Reset();
        _factory.Commands.Reset();
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.True(_factory.Commands.Count > 0, $"GET {url} sent no SQL command: it was not answered by the query path");
        return response;
    }
}
