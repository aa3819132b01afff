using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Observations;

public sealed class ObservationsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] ByMetric =
    [
        "kyrgyz-tajik-agreements-signed-2025", "kyrgyz-tajik-trade-peak-years", "kyrgyz-tajik-trade-jan-may-2024",
        "kyrgyz-tajik-trade-jan-may-2025", "western-border-crossings-reopened-2025", "ferghana-valley-countries-count",
        "japarov-gun-salute", "central-asian-states-count", "interval-outbreak-to-june-2021-trip",
        "kyrgyz-tajik-military-clashes-since-independence", "kyrgyzstan-mountain-coverage", "tajikistan-mountain-coverage",
        "kyrgyzstan-population", "tajikistan-population", "tajik-civil-war-refugees-in-kyrgyzstan",
        "kyrgyz-tajik-trade-growth-2025-vs-2024", "border-area-violence-duration", "japarov-state-visit-duration",
        "years-since-rahmon-previous-state-visit",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Item(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    [Fact]
    public async Task ListingObservationsReturnsEveryQuantityWithExactNumbers()
    {
        var page = await (await _client.GetAsync("/v1/observations?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByMetric.Length, page.GetProperty("total").GetInt32());
        Assert.Equal(ByMetric.Order(StringComparer.Ordinal), page.Ids());
        var trade = Item(page, "kyrgyz-tajik-trade-jan-may-2025");
        Assert.Equal(JsonValueKind.Number, trade.GetProperty("value").ValueKind);
        Assert.Equal("6350000", trade.GetProperty("value").GetRawText());
        Assert.Equal("USD", trade.GetProperty("unit").GetString());
        Assert.Equal("eq", trade.GetProperty("comparator").GetString());
        Assert.Equal(["Kyrgyzstan", "Tajikistan"], trade.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("2025-05-31", trade.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("inferred", trade.GetProperty("period").GetProperty("basis").GetString());
        var population = Item(page, "tajikistan-population");
        Assert.Equal("gt", population.GetProperty("comparator").GetString());
        Assert.Equal("10000000", population.GetProperty("value").GetRawText());
        Assert.Equal(JsonValueKind.Null, population.GetProperty("period").ValueKind);
        Assert.Single(population.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task SubjectsKeepTheCuratedOrder()
    {
        var visit = await (await _client.GetAsync("/v1/observations/years-since-rahmon-previous-state-visit")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["rahmon-state-visit-to-kyrgyzstan-2025", "emomali-rahmon", "kyrgyzstan"],
            visit.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("event", visit.GetProperty("subjects")[0].GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("metric=population", new[] { "kyrgyzstan-population", "tajikistan-population" })]
    [InlineData("subject=tajik-civil-war-1992-1997", new[] { "tajik-civil-war-refugees-in-kyrgyzstan" })]
    [InlineData("subject=kyrgyzstan&unit=USD", new[] { "kyrgyz-tajik-trade-jan-may-2024", "kyrgyz-tajik-trade-jan-may-2025", "kyrgyz-tajik-trade-peak-years" })]
    [InlineData("unit=ratio", new[] { "kyrgyz-tajik-trade-growth-2025-vs-2024" })]
    [InlineData("unit=gun", new[] { "japarov-gun-salute" })]
    [InlineData("from=2025-07-08&to=2025-07-08", new[] { "japarov-gun-salute", "japarov-state-visit-duration", "kyrgyz-tajik-agreements-signed-2025", "kyrgyz-tajik-military-clashes-since-independence", "kyrgyz-tajik-trade-peak-years", "western-border-crossings-reopened-2025" })]
    [InlineData("from=2024-01-01&to=2024-12-31", new[] { "kyrgyz-tajik-military-clashes-since-independence", "kyrgyz-tajik-trade-jan-may-2024", "kyrgyz-tajik-trade-peak-years" })]
    [InlineData("to=1991-12-31", new[] { "central-asian-states-count", "kyrgyz-tajik-military-clashes-since-independence" })]
    [InlineData("from=1900-01-01&to=1950-12-31", new string[0])]
    [InlineData("metric=gdp", new string[0])]
    [InlineData("subject=uzbekistan", new string[0])]
    [InlineData("sort=-metric&subject=tajikistan&unit=person", new[] { "tajik-civil-war-refugees-in-kyrgyzstan", "tajikistan-population" })]
    public async Task ListingObservationsFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/observations?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, page.Ids());
    }

    [Theory]
    [InlineData("metric", false)]
    [InlineData("-metric", true)]
    public async Task SortingObservationsByMetricBreaksTiesById(string sort, bool descending)
    {
        var page = await (await _client.GetAsync($"/v1/observations?sort={sort}&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(descending ? Enumerable.Reverse(ByMetric) : ByMetric, page.Ids());
    }

    [Fact]
    public async Task WalkingObservationsOneByOneVisitsEachOnceInOrder()
    {
        var walked = await _client.WalkAsync("/v1/observations?limit=1&sort=metric");

        Assert.Equal(ByMetric, walked.Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GettingAnObservationShowsTheClaimedMultipleAndItsQuotes()
    {
        var growth = await (await _client.GetAsync("/v1/observations/kyrgyz-tajik-trade-growth-2025-vs-2024")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("15", growth.GetProperty("value").GetRawText());
        Assert.Equal("ratio", growth.GetProperty("unit").GetString());
        Assert.Equal("approx", growth.GetProperty("comparator").GetString());
        Assert.Equal("stated", growth.GetProperty("modality").GetString());
        Assert.Equal(2, growth.GetProperty("evidence").GetArrayLength());
        Assert.Contains("15 times", growth.GetProperty("evidence")[1].GetProperty("exact").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-observation")]
    [InlineData("japarov-president-of-kyrgyzstan")]
    public async Task GettingAnUnknownObservationIsANotFoundProblem(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/observations/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metric=Population", "metric")]
    [InlineData("subject=not a slug", "subject")]
    [InlineData("unit=euro", "unit")]
    [InlineData("unit=usd", "unit")]
    [InlineData("from=2025-01-01&to=2024-12-31", "from")]
    [InlineData("sort=value", "sort")]
    [InlineData("limit=101", "limit")]
    [InlineData("value=15", "value")]
    public async Task ListingObservationsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/observations?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListingObservationsWithAMalformedDateIsAProblemNamingIt()
    {
        var problem = await (await _client.GetAsync("/v1/observations?to=2025-02-30")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }
}
