using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.TradeFigures;

public sealed class TradeFiguresTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string JanMay2025 = "kyrgyz-tajik-trade-jan-may-2025";
    private const string JanMay2024 = "kyrgyz-tajik-trade-jan-may-2024";
    private const string Growth = "kyrgyz-tajik-trade-growth-2025-vs-2024";
    private const string Peak = "kyrgyz-tajik-trade-peak-years";

    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Item(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    [Fact]
    public async Task ListingTradeFiguresReturnsTheTradeObservationsOnly()
    {
        var page = await (await _client.GetAsync("/v1/trade-figures?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([Growth, JanMay2024, JanMay2025, Peak], page.Ids());
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), f => Assert.Equal(
            ["kyrgyzstan", "tajikistan"], f.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("id").GetString())));
        Assert.Equal("gt", Item(page, Peak).GetProperty("comparator").GetString());
        Assert.Empty(Item(page, Peak).GetProperty("comparisons").EnumerateArray());
        Assert.Empty(Item(page, Growth).GetProperty("comparisons").EnumerateArray());
    }

    [Fact]
    public async Task TheJanuaryToMayFiguresAreComparedByDerivedRatioNextToTheArticlesClaim()
    {
        var page = await (await _client.GetAsync("/v1/trade-figures")).ReadJsonAsync(HttpStatusCode.OK);
        var growth = await (await _client.GetAsync($"/v1/observations/{Growth}")).ReadJsonAsync(HttpStatusCode.OK);

        var comparison = Assert.Single(Item(page, JanMay2025).GetProperty("comparisons").EnumerateArray());
        Assert.Equal(JanMay2024, comparison.GetProperty("against").GetString());
        Assert.Equal("15.68", comparison.GetProperty("ratio").GetRawText());
        Assert.Equal("5944900", comparison.GetProperty("change").GetRawText());
        Assert.True(comparison.GetProperty("derived").GetBoolean());
        var claimed = comparison.GetProperty("claimed");
        Assert.Equal(Growth, claimed.GetProperty("id").GetString());
        Assert.Equal("15", claimed.GetProperty("value").GetRawText());
        Assert.Equal("approx", claimed.GetProperty("comparator").GetString());
        Assert.Contains("15 times", claimed.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(growth.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("exact").GetString() == claimed.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TheEarlierFigureIsComparedTheOtherWayWithoutTheClaim()
    {
        var figure = await (await _client.GetAsync($"/v1/trade-figures/{JanMay2024}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("405100", figure.GetProperty("value").GetRawText());
        var comparison = Assert.Single(figure.GetProperty("comparisons").EnumerateArray());
        Assert.Equal(JanMay2025, comparison.GetProperty("against").GetString());
        Assert.Equal("0.06", comparison.GetProperty("ratio").GetRawText());
        Assert.Equal("-5944900", comparison.GetProperty("change").GetRawText());
        Assert.True(comparison.GetProperty("derived").GetBoolean());
        Assert.Equal(JsonValueKind.Null, comparison.GetProperty("claimed").ValueKind);
    }

    [Fact]
    public async Task GettingATradeFigureShowsItsComparisonsAndEvidence()
    {
        var figure = await (await _client.GetAsync($"/v1/trade-figures/{JanMay2025}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("6350000", figure.GetProperty("value").GetRawText());
        Assert.Equal("bilateral-trade-value", figure.GetProperty("metric").GetString());
        Assert.Equal("15.68", Assert.Single(figure.GetProperty("comparisons").EnumerateArray()).GetProperty("ratio").GetRawText());
        Assert.Contains("$6.35 million", Assert.Single(figure.GetProperty("evidence").EnumerateArray()).GetProperty("exact").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country=kyrgyzstan", new[] { Growth, JanMay2024, JanMay2025, Peak })]
    [InlineData("country=uzbekistan", new string[0])]
    [InlineData("metric=bilateral-trade-value", new[] { JanMay2024, JanMay2025 })]
    [InlineData("metric=population", new string[0])]
    [InlineData("from=2024-01-01&to=2024-12-31", new[] { JanMay2024, Peak })]
    [InlineData("from=2025-06-01", new[] { Peak })]
    [InlineData("to=2015-01-01", new string[0])]
    [InlineData("sort=period", new[] { Peak, JanMay2024, Growth, JanMay2025 })]
    [InlineData("sort=-period", new[] { JanMay2025, Growth, JanMay2024, Peak })]
    [InlineData("sort=-id&metric=bilateral-trade-value", new[] { JanMay2025, JanMay2024 })]
    public async Task ListingTradeFiguresFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/trade-figures?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, page.Ids());
    }

    [Fact]
    public async Task WalkingTradeFiguresOneByOneVisitsEachOnceWithTheirComparisons()
    {
        var walked = await _client.WalkAsync("/v1/trade-figures?limit=1&sort=-period");

        Assert.Equal([JanMay2025, Growth, JanMay2024, Peak], walked.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal("15.68", walked[0].GetProperty("comparisons")[0].GetProperty("ratio").GetRawText());
    }

    [Theory]
    [InlineData("no-such-figure")]
    [InlineData("tajikistan-population")]
    public async Task GettingAnObservationThatIsNoTradeFigureIsANotFoundProblem(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/trade-figures/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country=Kyrgyzstan", "country")]
    [InlineData("metric=trade value", "metric")]
    [InlineData("from=2025-12-31&to=2025-01-01", "from")]
    [InlineData("sort=ratio", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("unit=USD", "unit")]
    public async Task ListingTradeFiguresWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/trade-figures?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListingTradeFiguresWithAMalformedDateIsAProblemNamingIt()
    {
        var problem = await (await _client.GetAsync("/v1/trade-figures?from=2025-02-30")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("yyyy-MM-dd", problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
    }
}
