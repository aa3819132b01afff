using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// After warm-up no read makes EF compile a query: every value (an id, a filter, a cursor's keyset) reaches SQL as a
/// parameter, so the compiled-query cache answers. A value built into the expression compiles a new query per request.
/// </summary>
public sealed class QueryCompilationTests(QueryCompilationTests.Host host) : IClassFixture<QueryCompilationTests.Host>
{
    private readonly HttpClient _client = host.Client;
    private readonly CompilationCounter _compilations = host.Compilations;
    private readonly CommandCounter _commands = host.Factory.Commands;

    [Fact]
    public async Task RepeatingEveryReadCompilesNoQuery()
    {
        var examples = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(Repository.Root, "src", "Q7x2.Api", "Infrastructure", "OpenApiExamples.json")))!.AsObject();
        var requests = examples.Select(e => e.Value!["request"]!.GetValue<string>()).Where(r => r.StartsWith("/v1/", StringComparison.Ordinal))
            .Concat(["/v1/people/sadyr-japarov", "/v1/facts/rustam-emomali-heir-apparent", "/v1/facts?limit=20", "/v1/timeline", "/v1/search?q=japarov"])
            .ToList();

        var compiling = new List<string>();
        var warmUp = 0;
        foreach (var request in requests)
        {
            warmUp += await GetAsync(request);
            var compilations = await GetAsync(request);
            if (compilations > 0)
            {
                compiling.Add($"{request} ({compilations})");
            }
        }

        Assert.True(requests.Count >= 40, $"only {requests.Count} reads");
        Assert.True(warmUp > 0, "the first reads compiled no query: the counter is not wired");
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

    [Theory]
    [InlineData("/v1/people/sadyr-japarov", 2)] // entity, aliases and links, facts, backlinks (by its id); names and evidence
    [InlineData("/v1/places/dushanbe", 2)]
    [InlineData("/v1/people/sadyr-japarov?embed=none", 2)] // entity, aliases and links; names
    [InlineData("/v1/facts/rustam-emomali-heir-apparent", 2)] // fact; names and evidence
    [InlineData("/v1/facts?modality=stated&limit=20", 2)] // page; names and evidence
    public async Task AHotReadSendsWhatItLoadsInAFixedFewCommands(string url, int commands)
    {
        await GetResponseAsync(url);

        Assert.Equal(commands, _commands.Count);
    }

    /// <summary>Follows <c>Link: rel="next"</c> to the last page; returns the pages read and the queries compiled on the way.</summary>
    private async Task<(int Pages, int Compilations)> WalkAsync(string url)
    {
        var (pages, compilations) = (0, 0);
        for (string? next = url; next is not null; pages++)
        {
            Assert.True(pages < 500, $"{url} never ends");
            var response = await GetResponseAsync(next);
            compilations += _compilations.Count;
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
        }

        return (pages, compilations);
    }

    /// <summary>Sends a read and returns how many queries EF compiled for it.</summary>
    private async Task<int> GetAsync(string url)
    {
        await GetResponseAsync(url);
        return _compilations.Count;
    }

    private async Task<HttpResponseMessage> GetResponseAsync(string url)
    {
        _compilations.Reset();
        _commands.Reset();
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        Assert.True(_commands.Count > 0, $"GET {url} sent no SQL command: it was not answered by the query path");
        return response;
    }

    /// <summary>
    /// The API with a query-compilation counter. The counter is a singleton interceptor, so EF gives this host its own internal
    /// services and compiled-query cache: it counts this class's compilations only. An output cache would answer repeats
    /// without reaching EF; this test is about the path under it.
    /// </summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            Client = Factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")
                    .ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(Compilations))))
                .CreateClient();
        }

        public Q7x2ApiFactory Factory { get; } = new();

        public CompilationCounter Compilations { get; } = new();

        public HttpClient Client { get; }

        public void Dispose() => Factory.Dispose();
    }
}
