using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

/// <summary><c>GET /v1/entities/{id}/graph</c> on the article: who connects to whom, checked against the records the other reads list.</summary>
public sealed class GraphTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Japarov = "/v1/entities/sadyr-japarov/graph";

    private readonly HttpClient _client = factory.CreateClient();

    private Task<GraphJson> GraphAsync(string url) => GraphJson.GetAsync(_client, url);

    private async Task<JsonElement> GetAsync(string url) => await (await _client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<List<JsonElement>> ItemsAsync(string url)
    {
        var page = await GetAsync(url);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static List<string> Ids(JsonElement refs) => [.. refs.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("emomali-rahmon")]
    [InlineData("shavkat-mirziyoyev")]
    public async Task AtDepthOneJaparovsGraphHasTheLeadersHeMetWithTheEventsTheyBothTookPartIn(string leader)
    {
        var graph = await GraphAsync(Japarov);
        var japarovs = await ItemsAsync("/v1/events?participant=sadyr-japarov&limit=100");
        var leaders = (await ItemsAsync($"/v1/events?participant={leader}&limit=100")).Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var both = japarovs.Where(e => leaders.Contains(e.GetProperty("id").GetString())).ToDictionary(e => e.GetProperty("id").GetString()!);

        Assert.NotEmpty(both);
        Assert.Contains(leader, graph.NodeIds);
        var met = graph.Edges.Where(e => e.Label == "took part with" && e.Joins("sadyr-japarov", leader)).ToList();
        Assert.Equal(both.Keys.Order(StringComparer.Ordinal), met.Select(e => e.RecordId).Order(StringComparer.Ordinal));
        Assert.All(met, e =>
        {
            Assert.Equal("event", e.RecordKind);
            Assert.Equal(both[e.RecordId].GetProperty("name").GetString(), e.RecordName);
            Assert.Equal(both[e.RecordId].GetProperty("date").GetProperty("from").GetString(), e.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(e.RecordId, graph.NodeIds);
            Assert.Contains(graph.Edges, t => t.Label == "took part in" && t.Source == leader && t.Target == e.RecordId);
        });
    }

    [Theory]
    [InlineData(Japarov)]
    [InlineData($"{Japarov}?depth=2")]
    [InlineData($"{Japarov}?kind=person")]
    [InlineData($"{Japarov}?depth=2&kind=person,event,country")]
    [InlineData($"{Japarov}?depth=2&from=2025-07-01&to=2025-07-31")]
    [InlineData("/v1/entities/khujand-summit-2025/graph?depth=2")]
    [InlineData("/v1/entities/tajvaron-karamyk-crossing/graph?depth=2")]
    [InlineData("/v1/entities/kyrgyzstan/graph?depth=2&to=2024-12-31")]
    public async Task EveryEdgeJoinsTwoNodesAndEveryNodeIsWithinTheDepthAlongTheEdges(string url)
    {
        var graph = await GraphAsync(url);

        Assert.True(graph.Nodes.Count > 1, $"{url} has no node but its entity");
        graph.AssertWellFormed();
    }

    [Fact]
    public async Task DepthTwoReachesFurtherAndKeepsDepthOneWithinTheMaximum()
    {
        var one = await GraphAsync(Japarov);
        var two = await GraphAsync($"{Japarov}?depth=2");

        Assert.Equal(1, one.Depth);
        Assert.Equal(2, two.Depth);
        Assert.Empty(one.NodeIds.Except(two.NodeIds));
        Assert.Empty(one.Edges.Except(two.Edges));
        Assert.True(two.Nodes.Count > one.Nodes.Count);
        Assert.InRange(two.Nodes.Count, 1, 500);
        Assert.Equal(one.NodeIds, two.NodeIds.Take(one.Nodes.Count));
    }

    [Fact]
    public async Task FactEdgesAreTheEntitysFactsWithAnEntityObjectReadFromSubjectToObject()
    {
        var graph = await GraphAsync("/v1/entities/rustam-emomali/graph");
        var facts = (await ItemsAsync("/v1/facts?entity=rustam-emomali&limit=100"))
            .Where(f => f.GetProperty("object").ValueKind != JsonValueKind.Null).ToList();

        var edges = graph.Edges.Where(e => e.RecordKind == "fact" && (e.Source == "rustam-emomali" || e.Target == "rustam-emomali")).ToList();
        Assert.NotEmpty(facts);
        Assert.Equal(facts.Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal), edges.Select(e => e.RecordId).Order(StringComparer.Ordinal));
        foreach (var fact in facts)
        {
            var edge = edges.Single(e => e.RecordId == fact.GetProperty("id").GetString());
            var (subject, label, @object) = (fact.GetProperty("subject"), fact.GetProperty("predicate").GetProperty("label").GetString(), fact.GetProperty("object"));
            Assert.Equal(subject.GetProperty("id").GetString(), edge.Source);
            Assert.Equal(@object.GetProperty("id").GetString(), edge.Target);
            Assert.Equal(label, edge.Label);
            Assert.Equal($"{subject.GetProperty("name").GetString()} {label} {@object.GetProperty("name").GetString()}", edge.RecordName);
        }
    }

    [Fact]
    public async Task AnEventsGraphHasItsParticipantsEveryTwoOfThemAndItsPlace()
    {
        var summit = await GetAsync("/v1/events/khujand-summit-2025");
        var graph = await GraphAsync("/v1/entities/khujand-summit-2025/graph");
        var participants = Ids(summit.GetProperty("participants"));

        Assert.True(participants.Count >= 3);
        Assert.Equal(participants.Order(StringComparer.Ordinal),
            graph.Edges.Where(e => e.Label == "took part in" && e.Target == "khujand-summit-2025").Select(e => e.Source).Order(StringComparer.Ordinal));
        var pairs = graph.Edges.Where(e => e.Label == "took part with" && e.RecordId == "khujand-summit-2025").ToList();
        Assert.Equal(participants.Count * (participants.Count - 1) / 2, pairs.Count);
        Assert.All(pairs, e => Assert.True(participants.IndexOf(e.Source) < participants.IndexOf(e.Target), $"{e} is not in the event's order"));
        Assert.Equal(summit.GetProperty("place").GetProperty("id").GetString(),
            graph.Edges.Single(e => e.Label == "took place at" && e.Source == "khujand-summit-2025").Target);
    }

    [Fact]
    public async Task AnAgreementsGraphHasItsPartiesAndTheEventItWasSignedAt()
    {
        var agreement = (await ItemsAsync("/v1/agreements?limit=100"))
            .First(a => a.GetProperty("event").ValueKind != JsonValueKind.Null && a.GetProperty("parties").GetArrayLength() >= 2);
        var id = agreement.GetProperty("id").GetString()!;
        var graph = await GraphAsync($"/v1/entities/{id}/graph");
        var parties = Ids(agreement.GetProperty("parties"));

        Assert.Equal(parties.Order(StringComparer.Ordinal),
            graph.Edges.Where(e => e.Label == "party to" && e.Target == id).Select(e => e.Source).Order(StringComparer.Ordinal));
        Assert.Equal(parties.Count * (parties.Count - 1) / 2, graph.Edges.Count(e => e.Label == "party with" && e.RecordId == id));
        Assert.Equal(agreement.GetProperty("event").GetProperty("id").GetString(), graph.Edges.Single(e => e.Label == "signed at").Target);
    }

    [Fact]
    public async Task ACrossingsGraphHasThePlacesItConnectsAndTheCountriesItCrossesInto()
    {
        var crossing = await GetAsync("/v1/border-crossings/tajvaron-karamyk-crossing");
        var graph = await GraphAsync("/v1/entities/tajvaron-karamyk-crossing/graph");

        Assert.Equal(Ids(crossing.GetProperty("connects")).Order(StringComparer.Ordinal),
            graph.Edges.Where(e => e.Label == "connected by").Select(e => e.Source).Order(StringComparer.Ordinal));
        Assert.Equal(Ids(crossing.GetProperty("countries")).Order(StringComparer.Ordinal),
            graph.Edges.Where(e => e.Label == "has border crossing").Select(e => e.Source).Order(StringComparer.Ordinal));
        Assert.All(graph.Edges.Where(e => e.Target == "tajvaron-karamyk-crossing"), e => Assert.Equal("tajvaron-karamyk-crossing", e.RecordId));
    }

    [Theory]
    [InlineData("country", "belongs to")]
    [InlineData("partOf", "part of")]
    public async Task APlacesGraphHasItsCountryAndTheAreaItIsPartOf(string reference, string label)
    {
        var places = (await ItemsAsync("/v1/places?limit=100")).Where(p => p.GetProperty(reference).ValueKind != JsonValueKind.Null).ToList();

        Assert.NotEmpty(places);
        foreach (var place in places)
        {
            var id = place.GetProperty("id").GetString()!;
            var graph = await GraphAsync($"/v1/entities/{id}/graph");
            var edge = graph.Edges.Single(e => e.Label == label && e.Source == id);
            Assert.Equal(place.GetProperty(reference).GetProperty("id").GetString(), edge.Target);
            Assert.Equal((id, "place"), (edge.RecordId, edge.RecordKind));
        }
    }

    [Fact]
    public async Task ObservationEdgesJoinEveryTwoSubjectsOfAnObservation()
    {
        var graph = await GraphAsync("/v1/entities/kyrgyzstan/graph");
        var expected = (await ItemsAsync("/v1/observations?subject=kyrgyzstan&limit=100"))
            .SelectMany(o => Ids(o.GetProperty("subjects")).Where(s => s != "kyrgyzstan").Select(s => $"{o.GetProperty("id").GetString()} {s}"))
            .Order(StringComparer.Ordinal).ToList();

        var edges = graph.Edges.Where(e => e.Label == "observed with" && (e.Source == "kyrgyzstan" || e.Target == "kyrgyzstan")).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, edges.Select(e => $"{e.RecordId} {e.Other("kyrgyzstan")}").Order(StringComparer.Ordinal));
        Assert.All(edges, e => Assert.Equal("observation", e.RecordKind));
        Assert.DoesNotContain(graph.Nodes, n => expected.Any(x => x.StartsWith($"{n.Id} ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("person")]
    [InlineData("person,event")]
    [InlineData("country,organization,place")]
    public async Task KindKeepsTheNodesOfThoseKindsAndTheEdgesBetweenThem(string kind)
    {
        var all = await GraphAsync(Japarov);
        var kept = await GraphAsync($"{Japarov}?kind={kind}");
        var kinds = kind.Split(',');

        var expected = all.Nodes.Where(n => n.Id == "sadyr-japarov" || kinds.Contains(n.Kind)).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, kept.Nodes);
        Assert.Equal(all.Edges.Where(e => expected.Any(n => n.Id == e.Source) && expected.Any(n => n.Id == e.Target)), kept.Edges);
    }

    [Theory]
    [InlineData("place")]
    [InlineData("person,event")]
    [InlineData("country,place,border-crossing")]
    public async Task AtDepthTwoKindWalksOnlyThroughNodesOfThoseKinds(string kind)
    {
        var all = await GraphAsync($"{Japarov}?depth=2");
        var kept = await GraphAsync($"{Japarov}?depth=2&kind={kind}");
        var kinds = kind.Split(',');

        // Two hops from the entity along the unfiltered graph's edges, stepping only on nodes of the kinds.
        var reached = new HashSet<string> { "sadyr-japarov" };
        for (var hop = 0; hop < 2; hop++)
        {
            reached.UnionWith([.. all.Edges.Where(e => reached.Contains(e.Source) || reached.Contains(e.Target))
                .SelectMany(e => new[] { e.Source, e.Target }).Where(n => kinds.Contains(all.Nodes.Single(x => x.Id == n).Kind))]);
        }

        Assert.Equal(all.NodeIds.Where(reached.Contains).Order(StringComparer.Ordinal), kept.NodeIds.Order(StringComparer.Ordinal));
        Assert.Contains(all.Nodes, n => kinds.Contains(n.Kind) && !reached.Contains(n.Id));
        Assert.Equal(all.Edges.Where(e => reached.Contains(e.Source) && reached.Contains(e.Target)), kept.Edges);
    }

    [Fact]
    public async Task KindKeepsTheEntityItselfWhateverItsKind()
    {
        var summit = await GraphAsync("/v1/entities/khujand-summit-2025/graph?kind=person");
        var participants = Ids((await GetAsync("/v1/events/khujand-summit-2025")).GetProperty("participants"));

        Assert.Equal(("khujand-summit-2025", "event"), (summit.Nodes[0].Id, summit.Nodes[0].Kind));
        Assert.All(summit.Nodes.Skip(1), n => Assert.Equal("person", n.Kind));
        Assert.Contains("sadyr-japarov", summit.NodeIds);
        Assert.Empty(summit.NodeIds.Skip(1).Except(participants));
    }

    [Theory]
    [InlineData("from=2025-07-01&to=2025-07-31", "2025-07-01", "2025-07-31")]
    [InlineData("from=2025-03-15", "2025-03-15", null)]
    [InlineData("to=2021-12-31", null, "2021-12-31")]
    public async Task FromAndToKeepTheEdgesWhoseRecordsDateOverlapsAndTheNodesTheyReach(string range, string? from, string? to)
    {
        var all = await GraphAsync(Japarov);
        var dated = await GraphAsync($"{Japarov}?{range}");
        var (start, end) = (from is null ? DateOnly.MinValue : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? DateOnly.MaxValue : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        bool Overlaps(GraphJson.Edge e) => e.From is { } f && e.To is { } t && t >= start && f <= end;
        var reached = all.Edges.Where(e => Overlaps(e) && (e.Source == "sadyr-japarov" || e.Target == "sadyr-japarov"))
            .Select(e => e.Other("sadyr-japarov")).Append("sadyr-japarov").ToHashSet();
        Assert.True(reached.Count > 1);
        Assert.True(all.Edges.Count(Overlaps) < all.Edges.Count, "every edge overlaps: the range tests nothing");
        Assert.Equal(all.NodeIds.Where(reached.Contains), dated.NodeIds);
        Assert.Equal(all.Edges.Where(e => Overlaps(e) && reached.Contains(e.Source) && reached.Contains(e.Target)), dated.Edges);
    }

    [Fact]
    public async Task ARangeThatNoRecordOverlapsLeavesTheEntityAlone()
    {
        var graph = await GraphAsync($"{Japarov}?depth=2&from=1900-01-01&to=1900-12-31");

        Assert.Equal(["sadyr-japarov"], graph.NodeIds);
        Assert.Empty(graph.Edges);
    }

    [Fact]
    public async Task EdgesAreInDateOrderUndatedLast()
    {
        var graph = await GraphAsync($"{Japarov}?depth=2");

        var starts = graph.Edges.Select(e => e.From ?? DateOnly.MaxValue).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Contains(graph.Edges, e => e.From is null);
    }

    [Theory]
    [InlineData(Japarov, 3)] // the entity; the nodes one hop away; the edges
    [InlineData($"{Japarov}?depth=2&kind=person,event", 4)] // and the nodes two hops away
    public async Task AGraphCostsOneCommandPerStep(string url, int commands)
    {
        using var keyed = factory.CreateClient().WithKey(TestKeys.Reader); // a request with a key is never answered from the cache
        factory.Commands.Reset();
        await GraphJson.GetAsync(keyed, url);

        Assert.Equal(commands, factory.Commands.Count);
    }

    [Fact]
    public async Task AnUnknownEntityIsNotFound()
    {
        var problem = await (await _client.GetAsync("/v1/entities/no-such-entity/graph?depth=2")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("There is no entity with id 'no-such-entity'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("depth=0", "depth")]
    [InlineData("depth=3", "depth")]
    [InlineData("depth=two", "depth")]
    [InlineData("kind=people", "kind")]
    [InlineData("kind=person,", "kind")]
    [InlineData("kind=person,Event", "kind")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=July", "to")]
    [InlineData("from=2025-08-01&to=2025-07-01", "from")]
    [InlineData("limit=5", "limit")]
    public async Task BadParametersAreProblemsNamingThem(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"{Japarov}?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }
}
