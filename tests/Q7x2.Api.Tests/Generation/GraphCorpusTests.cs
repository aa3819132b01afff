using System.Globalization;
using System.Net;
using Q7x2.Api.Tests.Features.Entities;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// Entity graphs on a generated corpus with the default maxima (500 nodes, 5,000 edges), against an oracle: a walk in memory over
/// every pair of entities an edge joins, read from the tables in the plainest SQL. A hub's graph is over the maximum and its
/// problem gives the oracle's exact count; other graphs have exactly the nodes the oracle reaches.
/// </summary>
public sealed class GraphCorpusTests(GraphCorpusTests.Corpus corpus) : IClassFixture<GraphCorpusTests.Corpus>
{
    private const int MaxNodes = 500;

    private const string Pairs = """
        SELECT "SubjectId", "ObjectId" FROM "Facts" WHERE "ObjectId" IS NOT NULL
        UNION ALL SELECT "EntityId", "TargetId" FROM "EntityLinks"
        UNION ALL SELECT a."TargetId", b."TargetId" FROM "EntityLinks" a JOIN "EntityLinks" b ON b."EntityId" = a."EntityId" AND b."Role" = a."Role"
            WHERE a."Role" IN ('participant', 'party') AND a."TargetId" <> b."TargetId"
        UNION ALL SELECT a."EntityId", b."EntityId" FROM "ObservationSubjects" a JOIN "ObservationSubjects" b ON b."ObservationId" = a."ObservationId"
            WHERE a."EntityId" <> b."EntityId"
        UNION ALL SELECT "Id", "CountryId" FROM "Entities" WHERE "CountryId" IS NOT NULL
        UNION ALL SELECT "Id", "PartOfId" FROM "Entities" WHERE "PartOfId" IS NOT NULL
        UNION ALL SELECT "Id", "PlaceId" FROM "Entities" WHERE "PlaceId" IS NOT NULL
        UNION ALL SELECT "Id", "EventId" FROM "Entities" WHERE "EventId" IS NOT NULL
        """;

    private async Task<(Dictionary<string, HashSet<string>> Near, List<string> Ids)> OracleAsync()
    {
        await using var connection = corpus.OpenConnection();
        var near = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pairs;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (a, b) = (reader.GetString(0), reader.GetString(1));
                (near.TryGetValue(a, out var fromA) ? fromA : near[a] = new(StringComparer.Ordinal)).Add(b);
                (near.TryGetValue(b, out var fromB) ? fromB : near[b] = new(StringComparer.Ordinal)).Add(a);
            }
        }

        await using var ids = connection.CreateCommand();
        ids.CommandText = """SELECT "Id" FROM "Entities" ORDER BY "Id" """;
        var all = new List<string>();
        await using (var reader = await ids.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                all.Add(reader.GetString(0));
            }
        }

        return (near, all);
    }

    private static HashSet<string> Walk(Dictionary<string, HashSet<string>> near, string id, int depth)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { id };
        var frontier = new List<string> { id };
        for (var hop = 0; hop < depth; hop++)
        {
            frontier = [.. frontier.SelectMany(n => near.GetValueOrDefault(n) ?? []).Where(reached.Add)];
        }

        return reached;
    }

    /// <summary>Asks for the graph and checks it against the oracle; returns whether it was over the node maximum.</summary>
    private static async Task<bool> CheckAsync(HttpClient client, Dictionary<string, HashSet<string>> near, string id, int depth)
    {
        var url = $"/v1/entities/{id}/graph?depth={depth}";
        var response = await client.GetAsync(url);
        var (one, all) = (Walk(near, id, 1).Count, Walk(near, id, depth).Count);
        var (count, within) = one > MaxNodes ? (one, depth > 1 ? " within one hop (the second hop not counted)" : "") : (all, "");
        if (count > MaxNodes)
        {
            var narrow = depth > 1 ? "depth=1, kind or from/to" : "kind or from/to";
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture,
                $"The graph of '{id}' at depth {depth} has {count:N0} nodes{within}, {count - MaxNodes:N0} over the maximum of {MaxNodes}; narrow it with {narrow}."),
                problem.GetProperty("detail").GetString());
            return true;
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains($" edges between its {all} nodes, ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            return false;
        }

        var graph = GraphJson.Parse(await response.ReadJsonAsync(HttpStatusCode.OK));
        Assert.Equal(Walk(near, id, depth).Order(StringComparer.Ordinal), graph.NodeIds.Order(StringComparer.Ordinal));
        graph.AssertWellFormed();
        return false;
    }

    [Fact]
    public async Task AHubsGraphIsOverTheMaximumByTheOraclesExactCount()
    {
        var (near, _) = await OracleAsync();
        using var client = corpus.CreateClient();
        var hubs = near.OrderByDescending(n => n.Value.Count).ThenBy(n => n.Key, StringComparer.Ordinal).Take(3).Select(n => n.Key).ToList();

        Assert.True(Walk(near, hubs[0], 1).Count > MaxNodes, $"the corpus's hub {hubs[0]} has only {Walk(near, hubs[0], 1).Count} nodes at depth 1");
        foreach (var hub in hubs)
        {
            var overAtOne = await CheckAsync(client, near, hub, 1);
            var overAtTwo = await CheckAsync(client, near, hub, 2);
            Assert.True(overAtOne || overAtTwo, $"{hub}'s graph is not over the maximum");
        }
    }

    [Fact]
    public async Task OtherGraphsHaveExactlyTheNodesTheOracleReaches()
    {
        var (near, ids) = await OracleAsync();
        using var client = corpus.CreateClient();
        var (served, refused) = (0, 0);

        foreach (var id in ids.Where((_, i) => i % (ids.Count / 40) == 0))
        {
            foreach (var depth in new[] { 1, 2 })
            {
                if (await CheckAsync(client, near, id, depth))
                {
                    refused++;
                }
                else
                {
                    served++;
                }
            }
        }

        Assert.True(served >= 20, $"only {served} graphs were served");
        Assert.True(refused > 0, "no sampled graph was over the maximum");
    }

    /// <summary>
    /// 150 generated sources (the query-plan corpus's 30 leave every graph under the maximum: its hub has 154 nodes one hop away),
    /// seeded into the API's database, and the API over it with the read cache off.
    /// </summary>
    public sealed class Corpus() : SeededCorpus(sources: 150);
}
