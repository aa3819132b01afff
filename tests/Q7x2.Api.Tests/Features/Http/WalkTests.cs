using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// Walks every list the OpenAPI document describes through all its pages, fetches every detail,
/// and checks that no request fails and that no request costs more SQL commands as pages grow.
/// </summary>
public sealed class WalkTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    /// <summary>Most SQL commands one read may cost: a page or a detail loads each kind of thing once.</summary>
    private const int MaxCommandsPerRequest = 10;

    /// <summary>Lists that need a query to mean anything, with one from the article.</summary>
    private static readonly Dictionary<string, string> RequiredQueries = new(StringComparer.Ordinal)
    {
        ["/v1/search"] = "q=japarov",
        ["/v1/search/suggest"] = "prefix=ta",
        ["/v1/entities/{id}/backlinks"] = "relation=participant&kind=event",
    };

    /// <summary>Lists that are one short answer, not pages (type-ahead).</summary>
    private static readonly HashSet<string> Unpaged = new(StringComparer.Ordinal) { "/v1/search/suggest" };

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetAsync(string url)
    {
        factory.Commands.Reset();
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.True(factory.Commands.Count <= MaxCommandsPerRequest, $"GET {url} cost {factory.Commands.Count} SQL commands");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<JsonElement>> WalkAsync(string path, int limit)
    {
        if (Unpaged.Contains(path.Split('?')[0]))
        {
            return [.. (await GetAsync(path)).GetProperty("items").EnumerateArray()];
        }

        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? url = $"{path}{separator}limit={limit}";
        for (var pages = 0; url is not null; pages++)
        {
            Assert.True(pages < 10_000, $"{path} never ends");
            var page = await GetAsync(url);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            url = page.GetProperty("next").GetString() is { } next ? $"{path}{separator}limit={limit}&cursor={next}" : null;
        }

        return items;
    }

    private static string Key(JsonElement item) =>
        item.TryGetProperty("id", out var id) ? id.GetString()! : item.GetRawText();

    [Fact]
    public async Task EveryListWalksToTheSameItemsOneByOneAndInFullPagesAndEveryDetailAnswers()
    {
        var document = await GetAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/v1/", StringComparison.Ordinal) && p.Value.TryGetProperty("get", out _))
            // W3C annotation collections and pages are not this API's lists (items under `first`, `next` an IRI): SourceAnnotationTests walks them.
            .Where(p => !p.Name.Contains("/annotations", StringComparison.Ordinal))
            // The dump is one NDJSON stream, not a JSON page: DumpTests reads it.
            .Where(p => p.Value.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _))
            .Select(p => p.Name).ToList();
        var lists = paths.Where(p => !p.Contains('{', StringComparison.Ordinal)).ToList();
        var walked = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        foreach (var list in lists)
        {
            var path = RequiredQueries.TryGetValue(list, out var query) ? $"{list}?{query}" : list;
            var one = (await WalkAsync(path, 1)).Select(Key).ToList();
            var full = (await WalkAsync(path, 100)).Select(Key).ToList();
            Assert.Equal(full, one);
            Assert.Equal(one.Count, one.Distinct().Count());
            walked[list] = one;
        }

        foreach (var template in paths.Where(p => p.Contains("{id}", StringComparison.Ordinal)))
        {
            var parent = template[..template.IndexOf("/{id}", StringComparison.Ordinal)];
            Assert.True(walked.TryGetValue(parent, out var ids) && ids.Count > 0, $"{template} has no list {parent} to take ids from");
            foreach (var id in ids)
            {
                var url = template.Replace("{id}", id, StringComparison.Ordinal);
                if (template.EndsWith("{id}", StringComparison.Ordinal))
                {
                    Assert.Equal(id, (await GetAsync(url)).GetProperty("id").GetString());
                    Assert.True(factory.Commands.Count > 0, $"GET {url} sent no SQL command: the counter is not wired");
                }
                else if (template.EndsWith("/graph", StringComparison.Ordinal))
                {
                    // An entity's graph is one document, not a list (GraphTests checks what it holds).
                    Assert.Equal(id, (await GetAsync(url)).GetProperty("id").GetString());
                }
                else if (template.EndsWith("/coverage", StringComparison.Ordinal))
                {
                    // A source's coverage is one document, not a list (SourceCoverageTests checks what it holds).
                    Assert.Equal(id, (await GetAsync(url)).GetProperty("source").GetString());
                }
                else
                {
                    url = RequiredQueries.TryGetValue(template, out var required) ? $"{url}?{required}" : url;
                    Assert.Equal((await WalkAsync(url, 100)).Select(Key), (await WalkAsync(url, 1)).Select(Key));
                }
            }
        }

        Assert.Contains("/v1/people", lists);
        Assert.Contains("/v1/sources", lists);
    }
}
