using System.Text.Json;
using Q7x2.Api.Tests.Features.Http;
using Q7x2.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// A generated corpus (30 sources, seed 7) loaded into SQLite and into PostgreSQL reads the same through the API: every page of
/// every list, every 11th detail, each capped backlink group's `more` page and the hubs'
/// graphs — the shapes of the article at a size where caps, cursors and ties matter (skipped without a PostgreSQL server).
/// </summary>
// Picks its engines itself: the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class CorpusEnginesAgreeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Collections =
    [
        "sources", "predicates", "entities", "people", "countries", "places", "organizations", "events", "agreements", "border-crossings",
        "facts", "observations", "trade-figures", "claims",
    ];

    private readonly TempDirectory _temp = Repository.TempDirectory();
    private Q7x2ApiFactory? _sqlite;
    private PostgresApiFactory? _postgres;
    private string _loaded = "";

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresServer.Variable)))
        {
            return; // the test skips itself
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 30, seed: 7);
        var generated = clock.Elapsed;
        _sqlite = new Q7x2ApiFactory();
        _postgres = new PostgresApiFactory();
        var loaded = (await GeneratedCorpus.SeedAsync(_sqlite.ConnectionString, folder)).ToString();
        var sqlite = clock.Elapsed;
        Assert.Equal(loaded, (await _postgres.SeedAsync(folder)).ToString());
        _loaded = $"{loaded}; generated in {generated.TotalSeconds:0.0} s, SQLite loaded in {(sqlite - generated).TotalSeconds:0.0} s, "
            + $"PostgreSQL in {(clock.Elapsed - sqlite).TotalSeconds:0.0} s";
    }

    public Task DisposeAsync()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task EveryListPageSampledDetailsAndTheHubsBacklinksAndGraphsAreTheSameJsonOnBothEngines()
    {
        PostgresServer.RequireAdmin();
        var left = _sqlite!.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")).CreateClient();
        var right = _postgres!.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")).CreateClient();
        var compared = 0;
        var hubs = new List<string>();
        var listed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var collection in Collections)
        {
            var ids = new List<string>();
            for (var url = $"/v1/{collection}?limit=100&count=true"; url is not null;)
            {
                var page = await EnginesAgreeTests.SameAsync(left, right, url);
                compared++;
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
                url = page.GetProperty("next").GetString() is { } cursor
                    ? $"/v1/{collection}?limit=100&count=true&cursor={Uri.EscapeDataString(cursor)}"
                    : null;
            }

            listed[collection] = ids.Count;
            // Every 11th record's detail, and for an entity each backlink group's next page where the detail caps it.
            foreach (var id in ids.Where((_, i) => i % 11 == 0))
            {
                var detail = await EnginesAgreeTests.SameAsync(left, right, $"/v1/{collection}/{Uri.EscapeDataString(id)}");
                compared++;
                var more = detail.TryGetProperty("backlinks", out var groups) && groups.ValueKind == JsonValueKind.Array
                    ? groups.EnumerateArray().Select(g => g.TryGetProperty("more", out var m) ? m.GetString() : null).OfType<string>().ToList()
                    : [];
                foreach (var url in more)
                {
                    await EnginesAgreeTests.SameAsync(left, right, url);
                    compared++;
                }

                if (more.Count > 0 && !hubs.Contains(id))
                {
                    hubs.Add(id);
                }
            }
        }

        // The hubs' graphs (within the node limit, or the same 400 saying by how much) and their facts as CSV.
        foreach (var id in hubs.Take(6))
        {
            foreach (var url in new[] { $"/v1/entities/{id}/graph?depth=1", $"/v1/entities/{id}/graph?depth=2&kind=person", $"/v1/facts?subject={id}&format=csv" })
            {
                await EnginesAgreeTests.SameAsync(left, right, url, anyStatus: true);
                compared++;
            }
        }

        output.WriteLine($"{_loaded}; {compared} answers compared ({string.Join(", ", listed.Select(l => $"{l.Key} {l.Value}"))}), {hubs.Count} hubs");
        Assert.All(["entities", "facts", "observations", "sources"], c => Assert.True(listed[c] > 0, $"the corpus has no {c}"));
        Assert.True(hubs.Count > 0, "no capped backlink group was compared: the corpus has no hub");
        Assert.True(compared > 200, $"only {compared} answers compared ({string.Join(", ", listed.Select(l => $"{l.Key} {l.Value}"))})");
    }
}
