using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

/// <summary>
/// A graph over <c>Graph:MaxNodes</c> or <c>Graph:MaxEdges</c> is a 400 problem that says by how much; one at the maximum is served.
/// Small maxima around the article's own graph sizes (the corpus tests meet the default ones).
/// </summary>
public sealed class GraphLimitTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Japarov = "/v1/entities/sadyr-japarov/graph";

    private HttpClient Limited(int maxNodes, int maxEdges = 5000) => factory.WithWebHostBuilder(b => b
        .UseSetting("Graph:MaxNodes", $"{maxNodes}").UseSetting("Graph:MaxEdges", $"{maxEdges}")).CreateClient();

    private async Task<string> TooLargeAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The graph is too large.", problem.GetProperty("title").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task AGraphAtTheMaximumIsServedAndOneNodeMoreIsAProblemSayingByHowMuch()
    {
        var client = factory.CreateClient();
        var one = await GraphJson.GetAsync(client, Japarov);
        var two = await GraphJson.GetAsync(client, $"{Japarov}?depth=2");
        var (n1, n2) = (one.Nodes.Count, two.Nodes.Count);

        var atOne = Limited(n1);
        Assert.Equal(one, await GraphJson.GetAsync(atOne, Japarov), GraphComparer.Instance);
        Assert.Equal(
            $"The graph of 'sadyr-japarov' at depth 2 has {n2} nodes, {n2 - n1} over the maximum of {n1}; narrow it with depth=1, kind or from/to.",
            await TooLargeAsync(atOne, $"{Japarov}?depth=2"));

        var belowOne = Limited(n1 - 1);
        Assert.Equal(
            $"The graph of 'sadyr-japarov' at depth 1 has {n1} nodes, 1 over the maximum of {n1 - 1}; narrow it with kind or from/to.",
            await TooLargeAsync(belowOne, Japarov));
        Assert.Equal(
            $"The graph of 'sadyr-japarov' at depth 2 has {n1} nodes within one hop (the second hop not counted), 1 over the maximum of {n1 - 1}; "
                + "narrow it with depth=1, kind or from/to.",
            await TooLargeAsync(belowOne, $"{Japarov}?depth=2"));
        Assert.Equal(two, await GraphJson.GetAsync(Limited(n2), $"{Japarov}?depth=2"), GraphComparer.Instance);
    }

    [Fact]
    public async Task AGraphWithTheMostEdgesIsServedAndOneEdgeMoreIsAProblemSayingByHowMuch()
    {
        var one = await GraphJson.GetAsync(factory.CreateClient(), Japarov);
        var edges = one.Edges.Count;

        Assert.Equal(one, await GraphJson.GetAsync(Limited(500, edges), Japarov), GraphComparer.Instance);
        Assert.Equal(
            $"The graph of 'sadyr-japarov' at depth 1 has {edges} edges between its {one.Nodes.Count} nodes, 1 over the maximum of {edges - 1}; "
                + "narrow it with kind or from/to.",
            await TooLargeAsync(Limited(500, edges - 1), Japarov));
    }

    [Fact]
    public async Task NarrowingAGraphOverTheMaximumBringsItUnder()
    {
        var client = Limited(10);

        await TooLargeAsync(client, Japarov);
        var people = await GraphJson.GetAsync(client, $"{Japarov}?kind=person");
        var july = await GraphJson.GetAsync(client, $"{Japarov}?from=2025-07-09&to=2025-07-09&kind=person,country");

        Assert.InRange(people.Nodes.Count, 2, 10);
        Assert.InRange(july.Nodes.Count, 1, 10);
    }

    /// <summary>Graphs are records holding lists: equal when their members and the lists' items are.</summary>
    private sealed class GraphComparer : IEqualityComparer<GraphJson>
    {
        public static readonly GraphComparer Instance = new();

        public bool Equals(GraphJson? x, GraphJson? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Depth == y.Depth && x.Nodes.SequenceEqual(y.Nodes) && x.Edges.SequenceEqual(y.Edges);

        public int GetHashCode(GraphJson obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
