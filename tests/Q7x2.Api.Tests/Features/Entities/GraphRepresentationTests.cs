using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Q7x2.Api.Tests.Features.Http;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

/// <summary>The graph as GraphML and as JGF (chosen by <c>Accept</c>), each the same graph as the JSON, each cached on its own.</summary>
public sealed class GraphRepresentationTests(QuietCacheHost host) : IClassFixture<QuietCacheHost>
{
    private const string Url = "/v1/entities/sadyr-japarov/graph?depth=2";

    private static readonly XNamespace GraphML = "http://graphml.graphdrawing.org/xmlns";

    private readonly HttpClient _client = host.Host.CreateClient();

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task GraphMLIsTheSameGraphAsTheJson()
    {
        var json = await GraphJson.GetAsync(_client, Url);
        var response = await GetAsync(Url, "application/graphml+xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = xml.Root!;
        Assert.Equal(GraphML + "graphml", root.Name);
        var keys = root.Elements(GraphML + "key").ToDictionary(k => (string)k.Attribute("id")!, k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!));
        Assert.Equal(("node", "kind"), keys["kind"]);
        Assert.Equal(("node", "name"), keys["name"]);
        Assert.Equal(("edge", "label"), keys["label"]);
        Assert.Equal(("edge", "record"), keys["record"]);
        Assert.Equal(("edge", "date"), keys["date"]);
        var graph = root.Element(GraphML + "graph")!;
        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        Assert.Equal("sadyr-japarov", (string?)graph.Attribute("id"));

        static string? Data(XElement e, string key) => (string?)e.Elements(GraphML + "data").SingleOrDefault(d => (string?)d.Attribute("key") == key);
        var nodes = graph.Elements(GraphML + "node").ToList();
        var edges = graph.Elements(GraphML + "edge").ToList();
        Assert.Equal(json.Nodes.Count, nodes.Count);
        Assert.Equal(json.Edges.Count, edges.Count);
        Assert.Equal(json.Nodes, nodes.Select(n => new GraphJson.Node((string)n.Attribute("id")!, Data(n, "kind")!, Data(n, "name")!)));
        Assert.All(keys.Keys, k => Assert.True(xml.Descendants(GraphML + "data").Any(d => (string?)d.Attribute("key") == k), $"key {k} is never used"));
        Assert.Equal(edges.Count, edges.Select(e => (string?)e.Attribute("id")).Distinct().Count());
        Assert.Equal(
            json.Edges.Select(e => (e.Source, e.Target, e.Label, e.RecordId, e.RecordKind, e.RecordName, e.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
            edges.Select(e => ((string)e.Attribute("source")!, (string)e.Attribute("target")!, Data(e, "label")!, Data(e, "record")!, Data(e, "recordKind")!,
                Data(e, "recordName")!, Data(e, "dateFrom"))));
    }

    [Fact]
    public async Task JgfIsTheSameGraphAsTheJson()
    {
        var json = await GraphJson.GetAsync(_client, Url);
        var response = await GetAsync(Url, "application/vnd.jgf+json");

        var jgf = (await response.ReadJsonAsync(HttpStatusCode.OK, "application/vnd.jgf+json")).GetProperty("graph");
        Assert.True(jgf.GetProperty("directed").GetBoolean());
        Assert.Equal("sadyr-japarov", jgf.GetProperty("id").GetString());
        Assert.Equal(2, jgf.GetProperty("metadata").GetProperty("depth").GetInt32());
        Assert.Equal(json.Nodes, jgf.GetProperty("nodes").EnumerateObject()
            .Select(n => new GraphJson.Node(n.Name, n.Value.GetProperty("metadata").GetProperty("kind").GetString()!, n.Value.GetProperty("label").GetString()!)));
        var edges = jgf.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(json.Edges.Count, edges.Count);
        Assert.Equal(
            json.Edges.Select(e => (e.Source, e.Target, e.Label, e.RecordId, e.RecordName, e.From)),
            edges.Select(e =>
            {
                var metadata = e.GetProperty("metadata");
                var date = metadata.GetProperty("date");
                return (e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("relation").GetString()!,
                    metadata.GetProperty("record").GetProperty("id").GetString()!, metadata.GetProperty("record").GetProperty("name").GetString()!,
                    date.ValueKind == JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(date.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            }));
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphml+xml", "application/graphml+xml")]
    [InlineData("application/vnd.jgf+json", "application/vnd.jgf+json")]
    [InlineData("text/html, application/graphml+xml;q=0.9, */*;q=0.1", "application/graphml+xml")]
    [InlineData("application/graphml+xml;q=0.5, application/vnd.jgf+json", "application/vnd.jgf+json")]
    [InlineData("application/json;q=0, application/*", "application/graphml+xml")]
    [InlineData("application/json;q=0.2, application/graphml+xml;q=0.2", "application/json")]
    [InlineData("text/csv", "application/json")]
    [InlineData("application/xml", "application/graphml+xml")] // GraphML is XML (RFC 6839's +xml suffix)
    [InlineData("text/xml", "application/json")]
    public async Task AcceptChoosesTheRepresentationAndAnythingElseGetsJson(string? accept, string mediaType)
    {
        var response = await GetAsync(Url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task EachRepresentationIsCachedOnItsOwnSoGraphMLNeverGetsTheCachedJson()
    {
        await host.EvictAsync();
        var url = "/v1/entities/emomali-rahmon/graph";
        var json = await GetAsync(url, null);
        var graphml = await GetAsync(url, "application/graphml+xml");
        var jgf = await GetAsync(url, "application/vnd.jgf+json");
        host.Commands.Reset();

        var graphmlAgain = await GetAsync(url, "application/graphml+xml");
        var jsonAgain = await GetAsync(url, "application/json, */*");
        var jsonCached = await GetAsync(url, null);
        var jgfAgain = await GetAsync(url, "application/vnd.jgf+json");

        Assert.False(graphml.IsCacheHit());
        Assert.True(graphmlAgain.IsCacheHit());
        Assert.Equal("application/graphml+xml", graphmlAgain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await graphml.Content.ReadAsStringAsync(), await graphmlAgain.Content.ReadAsStringAsync());
        Assert.True(jsonCached.IsCacheHit());
        Assert.Equal("application/json", jsonCached.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await json.Content.ReadAsStringAsync(), await jsonCached.Content.ReadAsStringAsync());
        Assert.True(jgfAgain.IsCacheHit());
        Assert.Equal("application/vnd.jgf+json", jgfAgain.Content.Headers.ContentType?.MediaType);
        Assert.False(jsonAgain.IsCacheHit()); // another Accept is another cache entry, read anew
        Assert.Equal("application/json", jsonAgain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, new[] { json, graphml, jgf }.Select(r => r.Headers.ETag?.Tag).Distinct().Count());
    }

    [Theory]
    [InlineData("/v1/entities/no-such-entity/graph", "application/graphml+xml", HttpStatusCode.NotFound)]
    [InlineData("/v1/entities/no-such-entity/graph", "application/vnd.jgf+json", HttpStatusCode.NotFound)]
    [InlineData("/v1/entities/sadyr-japarov/graph?depth=3", "application/graphml+xml", HttpStatusCode.BadRequest)]
    [InlineData("/v1/people/no-such-person", "text/csv", HttpStatusCode.NotFound)]
    [InlineData("/v1/people?limit=abc", "text/csv", HttpStatusCode.BadRequest)]
    [InlineData("/v1/no-such-resource", "text/html", HttpStatusCode.NotFound)]
    public async Task AProblemIsTheSameProblemWhateverTheAccept(string url, string accept, HttpStatusCode status)
    {
        var response = await GetAsync(url, accept);

        // Type, title, status and traceId (the helper's checks), and the instance, as for a client that accepts JSON.
        var problem = await response.ReadProblemAsync(status);
        Assert.Equal(url.Split('?')[0], problem.GetProperty("instance").GetString());
    }
}
