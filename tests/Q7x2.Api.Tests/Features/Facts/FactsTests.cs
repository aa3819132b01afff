using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Facts;

public sealed class FactsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly int SeededFacts = Repository.SeedCount("facts.json", "facts");

    private static readonly string[] DatedByDate =
    [
        "japarov-in-power-in-kyrgyzstan", "kyrgyzstan-spent-on-arms", "tajikistan-spent-on-arms",
        "japarov-proposed-environmental-safeguards", "japarov-proposed-joint-mining-development",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListingFactsReturnsEveryFactByIdWithReferencesResolved()
    {
        var page = await (await _client.GetAsync("/v1/facts?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        var ids = page.Ids();
        Assert.Equal(SeededFacts, page.GetProperty("total").GetInt32());
        Assert.Equal(SeededFacts, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal("agreements-2025-concern-kyrgyz-health-ministry", ids[0]);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var son = page.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "rustam-emomali-son-of-rahmon");
        Assert.Equal("Rustam Emomali", son.GetProperty("subject").GetProperty("name").GetString());
        Assert.Equal("son of", son.GetProperty("predicate").GetProperty("label").GetString());
        Assert.Equal("son", son.GetProperty("predicate").GetProperty("inverseLabel").GetString());
        Assert.Equal("person", son.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, son.GetProperty("value").ValueKind);
        Assert.Equal(2, son.GetProperty("evidence").GetArrayLength());
    }

    [Theory]
    [InlineData("subject=rustam-emomali", new[] { "rustam-emomali-chairman-of-upper-house", "rustam-emomali-heir-apparent", "rustam-emomali-presumptive-future-leader", "rustam-emomali-son-of-rahmon" })]
    [InlineData("object=emomali-rahmon", new[] { "rustam-emomali-heir-apparent", "rustam-emomali-son-of-rahmon" })]
    [InlineData("entity=emomali-rahmon", new[] { "rahmon-melon-pyramid-custom", "rahmon-president-of-tajikistan", "rustam-emomali-heir-apparent", "rustam-emomali-son-of-rahmon" })]
    [InlineData("predicate=president-of", new[] { "japarov-president-of-kyrgyzstan", "mirziyoyev-president-of-uzbekistan", "rahmon-president-of-tajikistan" })]
    [InlineData("modality=discussed", new[] { "talks-discussed-free-economic-zones", "talks-discussed-mining" })]
    [InlineData("modality=reported", new[] { "trade-increasing-kyrgyzstan-tajikistan" })]
    [InlineData("from=2025-07-09&to=2025-12-31", new[] { "japarov-in-power-in-kyrgyzstan", "japarov-proposed-environmental-safeguards", "japarov-proposed-joint-mining-development", "kyrgyzstan-spent-on-arms", "tajikistan-spent-on-arms" })]
    [InlineData("from=2025-07-08&to=2025-07-08&subject=kyrgyzstan", new[] { "kyrgyzstan-spent-on-arms" })]
    [InlineData("to=2020-12-31", new[] { "japarov-in-power-in-kyrgyzstan" })]
    [InlineData("from=1990-01-01&to=2019-12-31", new string[0])]
    [InlineData("subject=emomali-rahmon&predicate=son-of", new string[0])]
    [InlineData("source=no-such-source", new string[0])]
    [InlineData("sort=-id&predicate=president-of", new[] { "rahmon-president-of-tajikistan", "mirziyoyev-president-of-uzbekistan", "japarov-president-of-kyrgyzstan" })]
    public async Task ListingFactsFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/facts?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, page.Ids());
    }

    [Fact]
    public async Task ListingFactsOfTheArticleCountsEveryFact()
    {
        var page = await (await _client.GetAsync($"/v1/facts?source={Repository.ArticleId}&count=true&limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(SeededFacts, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task DiscussedFreeEconomicZonesNeverReadAsAgreed()
    {
        var discussed = await (await _client.GetAsync("/v1/facts?modality=discussed")).ReadJsonAsync(HttpStatusCode.OK);
        var all = await (await _client.GetAsync("/v1/facts?limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.All(discussed.GetProperty("items").EnumerateArray(), f => Assert.Equal("discussed", f.GetProperty("modality").GetString()));
        var zones = discussed.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "talks-discussed-free-economic-zones");
        Assert.Equal("discussed", zones.GetProperty("predicate").GetProperty("label").GetString());
        Assert.Contains("free economic zones", zones.GetProperty("value").GetString(), StringComparison.Ordinal);
        var mentions = all.GetProperty("items").EnumerateArray()
            .Where(f => f.GetProperty("value").GetString()?.Contains("free economic zones", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, mentions.Count);
        Assert.All(mentions, f => Assert.Contains(f.GetProperty("modality").GetString(), new[] { "discussed", "assessed" }));
    }

    [Fact]
    public async Task SortingFactsByDatePutsDatedFactsFirstInDateOrder()
    {
        var page = await (await _client.GetAsync("/v1/facts?sort=date&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var ids = page.Ids();
        Assert.Equal(DatedByDate, ids.Take(DatedByDate.Length));
        Assert.Equal("agreements-2025-concern-kyrgyz-health-ministry", ids[DatedByDate.Length]);
        Assert.Equal(SeededFacts, ids.Count);
    }

    [Fact]
    public async Task SortingDatedFactsByDateDescendingReversesTheOrder()
    {
        var page = await (await _client.GetAsync("/v1/facts?sort=-date&from=2000-01-01")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(Enumerable.Reverse(DatedByDate), page.Ids());
    }

    [Fact]
    public async Task WalkingFactsOneByOneVisitsEachOnceInOrder()
    {
        var all = await (await _client.GetAsync("/v1/facts?sort=date&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var walked = await _client.WalkAsync("/v1/facts?limit=1&sort=-date");

        var expected = all.Ids();
        expected.Reverse();
        Assert.Equal(expected, walked.Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GettingAFactShowsDateModalityAttributionAndEvidence()
    {
        var fact = await (await _client.GetAsync("/v1/facts/japarov-proposed-joint-mining-development")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("proposed", fact.GetProperty("modality").GetString());
        Assert.Equal("sadyr-japarov", fact.GetProperty("attribution").GetProperty("id").GetString());
        Assert.Equal("Sadyr Japarov", fact.GetProperty("attribution").GetProperty("name").GetString());
        Assert.Equal("2025-07-08", fact.GetProperty("date").GetProperty("from").GetString());
        Assert.Equal("2025-07-09", fact.GetProperty("date").GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, fact.GetProperty("object").ValueKind);
        var evidence = Assert.Single(fact.GetProperty("evidence").EnumerateArray());
        Assert.Equal(Repository.ArticleId, evidence.GetProperty("sourceId").GetString());
    }

    [Theory]
    [InlineData("no-such-fact")]
    [InlineData("sadyr-japarov")]
    public async Task GettingAnUnknownFactIsANotFoundProblem(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/facts/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject=Sadyr Japarov", "subject")]
    [InlineData("object=emomali_rahmon", "object")]
    [InlineData("entity=-tajikistan", "entity")]
    [InlineData("predicate=President-Of", "predicate")]
    [InlineData("source=a%2Fb", "source")]
    [InlineData("modality=agreed", "modality")]
    [InlineData("from=2025-07-09&to=2025-07-08", "from")]
    [InlineData("sort=value", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("kind=person", "kind")]
    public async Task ListingFactsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/facts?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    public async Task ListingFactsWithAMalformedDateIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/facts?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorFromAnotherSortIsRejected()
    {
        var first = await (await _client.GetAsync("/v1/facts?limit=1&sort=date")).ReadJsonAsync(HttpStatusCode.OK);

        var response = await _client.GetAsync($"/v1/facts?limit=1&cursor={first.GetProperty("next").GetString()}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}
