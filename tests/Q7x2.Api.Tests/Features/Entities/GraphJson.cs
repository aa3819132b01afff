using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

/// <summary>An entity graph as the JSON representation gives it, and checks every graph must pass.</summary>
internal sealed record GraphJson(string Id, int Depth, List<GraphJson.Node> Nodes, List<GraphJson.Edge> Edges)
{
    public sealed record Node(string Id, string Kind, string Name);

    public sealed record Edge(string Source, string Target, string Label, string RecordId, string RecordKind, string RecordName, DateOnly? From, DateOnly? To)
    {
        public bool Joins(string a, string b) => (Source == a && Target == b) || (Source == b && Target == a);

        public string Other(string id) => Source == id ? Target : Source;
    }

    public List<string> NodeIds => [.. Nodes.Select(n => n.Id)];

    public static GraphJson Parse(JsonElement json) => new(
        json.GetProperty("id").GetString()!,
        json.GetProperty("depth").GetInt32(),
        [.. json.GetProperty("nodes").EnumerateArray().Select(n => new Node(
            n.GetProperty("id").GetString()!, n.GetProperty("kind").GetString()!, n.GetProperty("name").GetString()!))],
        [.. json.GetProperty("edges").EnumerateArray().Select(e =>
        {
            var record = e.GetProperty("record");
            var date = e.GetProperty("date");
            return new Edge(
                e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("label").GetString()!,
                record.GetProperty("id").GetString()!, record.GetProperty("kind").GetString()!, record.GetProperty("name").GetString()!,
                date.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(date.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                date.ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(date.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        })]);

    public static async Task<GraphJson> GetAsync(HttpClient client, string url) =>
        Parse(await (await client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK));

    /// <summary>
    /// What every graph is: the entity first, nodes and edges without repeats, every edge between two nodes, and every node within
    /// the graph's depth of the entity along its edges (so no node is there without an edge that brings it).
    /// </summary>
    public void AssertWellFormed()
    {
        Assert.Equal(Id, Nodes[0].Id);
        Assert.Equal(Nodes.Count, NodeIds.Distinct().Count());
        Assert.Equal(Edges.Count, Edges.Distinct().Count());
        var ids = NodeIds.ToHashSet();
        Assert.All(Edges, e => Assert.True(ids.Contains(e.Source) && ids.Contains(e.Target), $"{e} leaves the graph"));

        var hops = new Dictionary<string, int> { [Id] = 0 };
        var frontier = new List<string> { Id };
        for (var hop = 1; hop <= Depth; hop++)
        {
            frontier = [.. Edges.Where(e => frontier.Contains(e.Source) || frontier.Contains(e.Target))
                .SelectMany(e => new[] { e.Source, e.Target }).Where(n => hops.TryAdd(n, hop))];
        }

        Assert.Empty(ids.Except(hops.Keys));
    }
}
