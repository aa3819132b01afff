using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

public sealed class EntitiesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    // Every seeded entity, ordered by name as SQLite compares it (ordinal: "’" sorts after letters).
    private static readonly string[] ByName =
    [
        "kyrgyz-tajik-agreements-2025", "tajvaron-karamyk-opening-announcement-2025", "central-asia", "chong-alai-district",
        "kyrgyz-tajik-border-closure", "dushanbe", "dushanbe-airport", "emomali-rahmon", "eternal-friendship-concert-2025",
        "ferghana-valley", "central-asian-independence-1991", "japarov-rahmon-talks-2025", "japarov-rahmon-meeting-2021",
        "japarov-meeting-with-rustam-emomali-2025", "japarov-state-visit-to-tajikistan-2025", "khujand", "khujand-summit-2025",
        "kyrgyz-capital", "kyrgyz-health-ministry", "kyrgyz-labor-ministry", "kyrgyz-military", "kyrgyz-tajik-border-area",
        "kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-delimitation-agreement-2025", "kyrgyz-tajik-border-clashes-2022",
        "kyrgyz-tajik-trade-exhibit-2025", "kyrgyzstan", "lakhsh-district", "local-administrations-2025-agreements",
        "japarov-anthems-and-gun-salute-2025", "rahmon-state-visit-to-kyrgyzstan-2025", "japarov-airport-welcome-2025",
        "rustam-emomali", "sadyr-japarov", "shavkat-mirziyoyev", "tajik-health-ministry", "tajik-labor-ministry", "tajik-military",
        "tajikistan", "tajik-civil-war-1992-1997", "tajikistan-honor-guard", "tajikistan-upper-house-of-parliament",
        "tajvaron-karamyk-crossing", "tajvaron-karamyk-crossing-area", "the-times-of-central-asia", "trilateral-border-agreement",
        "uzbekistan", "western-border-crossing-1", "western-border-crossing-2", "western-kyrgyz-tajik-frontier",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingEntitiesReturnsAllFiftyOfEveryKindSortedByName()
    {
        var page = await (await _client.GetAsync("/v1/entities?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByName, Ids(page));
        Assert.Equal(50, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal(
            ["agreement", "border-crossing", "country", "event", "organization", "person", "place"],
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Distinct().Order(StringComparer.Ordinal));
        var crossing = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "tajvaron-karamyk-crossing");
        Assert.Equal(["id", "kind", "name", "aliases", "description"], crossing.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ListingEntitiesPagesByTwentyByDefault()
    {
        var response = await _client.GetAsync("/v1/entities");
        var page = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByName.Take(20), Ids(page));
        Assert.NotNull(page.GetProperty("next").GetString());
        Assert.True(response.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("kind=country", new[] { "kyrgyzstan", "tajikistan", "uzbekistan" })]
    [InlineData("kind=border-crossing", new[] { "tajvaron-karamyk-crossing", "western-border-crossing-1", "western-border-crossing-2" })]
    [InlineData("kind=agreement&sort=-name", new[] { "trilateral-border-agreement", "kyrgyz-tajik-border-delimitation-agreement-2025", "kyrgyz-tajik-agreements-2025" })]
    [InlineData("kind=person&sort=-id", new[] { "shavkat-mirziyoyev", "sadyr-japarov", "rustam-emomali", "emomali-rahmon" })]
    [InlineData("kind=event&sort=id&limit=4", new[] { "central-asian-independence-1991", "eternal-friendship-concert-2025", "japarov-airport-welcome-2025", "japarov-anthems-and-gun-salute-2025" })]
    [InlineData("kind=event&limit=4", new[] { "tajvaron-karamyk-opening-announcement-2025", "kyrgyz-tajik-border-closure", "eternal-friendship-concert-2025", "central-asian-independence-1991" })]
    public async Task ListingEntitiesFiltersByKindAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/entities?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingEntitiesOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/entities?limit=1&sort=-id")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(ByName.Order(StringComparer.Ordinal).Reverse(), seen);
    }

    [Theory]
    [InlineData("sadyr-japarov", "person", "japarov-in-power-in-kyrgyzstan", "Kyrgyzstan’s President Sadyr Japarov")]
    [InlineData("khujand-summit-2025", "event", "khujand-summit-first-ever", "the first-ever summit of the presidents of the three Central Asian countries that share the Ferghana Valley")]
    [InlineData("tajvaron-karamyk-crossing", "border-crossing", "tajvaron-karamyk-third-crossing", "The Tajvaron-Karamyk crossing is important for the people living in this sparsely inhabited, remote region")]
    public async Task GettingAnEntityOfAnyKindShowsCommonFieldsFactsAndEvidence(string id, string kind, string factId, string quote)
    {
        var entity = await (await _client.GetAsync($"/v1/entities/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(id, entity.GetProperty("id").GetString());
        Assert.Equal(kind, entity.GetProperty("kind").GetString());
        Assert.Equal(["id", "kind", "name", "aliases", "description", "facts", "factCount", "evidence", "backlinks"], entity.EnumerateObject().Select(p => p.Name));
        Assert.Equal(entity.GetProperty("facts").GetArrayLength(), entity.GetProperty("factCount").GetInt32());
        var fact = Assert.Single(entity.GetProperty("facts").EnumerateArray(), f => f.GetProperty("fact").GetProperty("id").GetString() == factId);
        Assert.NotEmpty(fact.GetProperty("fact").GetProperty("evidence").EnumerateArray());
        Assert.Contains(quote, entity.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("exact").GetString()));
    }

    [Fact]
    public async Task GettingAnEntityShowsFactsInWhichItIsTheObjectWithInverseLabels()
    {
        var summit = await (await _client.GetAsync("/v1/entities/khujand-summit-2025")).ReadJsonAsync(HttpStatusCode.OK);

        var facts = summit.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(
            ["delimitation-agreement-led-to-khujand-summit", "khujand-summit-celebrated-trilateral-agreement", "khujand-summit-first-ever", "khujand-summit-purpose"],
            facts.Select(f => f.GetProperty("fact").GetProperty("id").GetString()));
        Assert.Equal(["object", "subject", "subject", "subject"], facts.Select(f => f.GetProperty("role").GetString()));
        Assert.Equal("agreement", facts[0].GetProperty("fact").GetProperty("subject").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("no-such-entity")]
    [InlineData("rustam-emomali-son-of-rahmon")]
    [InlineData("kyrgyz-president-visits-tajikistan")]
    public async Task GettingSomethingThatIsNoEntityIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/entities/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"There is no entity with id '{id}'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("kind=people", "kind")]
    [InlineData("kind=Person", "kind")]
    [InlineData("kind=", "kind")]
    [InlineData("sort=kind", "sort")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("type=person", "type")]
    public async Task ListingEntitiesWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/entities?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
