using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Agreements;

public sealed class AgreementsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Delimitation = "kyrgyz-tajik-border-delimitation-agreement-2025";
    private const string July = "kyrgyz-tajik-agreements-2025";
    private const string Trilateral = "trilateral-border-agreement";

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingAgreementsReturnsAllThreeByDateWithUndatedLast()
    {
        var page = await (await _client.GetAsync("/v1/agreements?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal([Delimitation, July, Trilateral], Ids(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var delimitation = page.GetProperty("items")[0];
        Assert.Equal("border-delimitation", delimitation.GetProperty("agreementType").GetString());
        Assert.Equal("March 2025", delimitation.GetProperty("date").GetProperty("text").GetString());
        Assert.Equal(["kyrgyzstan", "tajikistan"], delimitation.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("rahmon-state-visit-to-kyrgyzstan-2025", delimitation.GetProperty("event").GetProperty("id").GetString());
        Assert.Empty(delimitation.GetProperty("areas").EnumerateArray());
        Assert.False(delimitation.TryGetProperty("evidence", out _));
        var trilateral = page.GetProperty("items")[2];
        Assert.Equal(JsonValueKind.Null, trilateral.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, trilateral.GetProperty("event").ValueKind);
    }

    [Theory]
    [InlineData("party=uzbekistan", new string[0])]
    [InlineData("party=kyrgyzstan", new[] { Delimitation, July })]
    [InlineData("party=sadyr-japarov", new string[0])]
    [InlineData("event=japarov-state-visit-to-tajikistan-2025", new[] { July })]
    [InlineData("event=khujand-summit-2025", new string[0])]
    [InlineData("type=border", new[] { Trilateral })]
    [InlineData("type=package&party=tajikistan", new[] { July })]
    [InlineData("type=cooperation", new string[0])]
    [InlineData("from=2025-03-31&to=2025-03-31", new[] { Delimitation })] // the last day of "March 2025"
    [InlineData("from=2025-04-01&to=2025-07-07", new string[0])] // between March and July 8
    [InlineData("from=2025-07-09", new[] { July })] // the last day of "July 8-9"
    [InlineData("to=2025-02-28", new string[0])]
    [InlineData("from=0001-01-01&to=9999-12-31", new[] { Delimitation, July })] // the undated trilateral agreement never matches a range
    [InlineData("sort=-date", new[] { Trilateral, July, Delimitation })]
    [InlineData("sort=name", new[] { July, Delimitation, Trilateral })]
    [InlineData("sort=-name", new[] { Trilateral, Delimitation, July })]
    [InlineData("sort=id", new[] { July, Delimitation, Trilateral })]
    [InlineData("sort=-id", new[] { Trilateral, Delimitation, July })]
    public async Task ListingAgreementsFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/agreements?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("-name")]
    public async Task WalkingAgreementsOneByOneVisitsEachOnce(string sort)
    {
        var all = Ids(await (await _client.GetAsync($"/v1/agreements?sort={sort}")).ReadJsonAsync(HttpStatusCode.OK));
        var seen = (await _client.WalkAsync($"/v1/agreements?limit=1&sort={sort}")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(3, seen.Count);
        Assert.Equal(all, seen);
    }
}
