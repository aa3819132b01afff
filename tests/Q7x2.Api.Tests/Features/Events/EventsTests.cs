using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Events;

public sealed class EventsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    /// <summary>Every seeded event by the first day of its date, ties by id, the undated border closure last.</summary>
    private static readonly string[] ByDate =
    [
        "central-asian-independence-1991", "tajik-civil-war-1992-1997", "kyrgyz-tajik-border-clashes-2021", "japarov-rahmon-meeting-2021",
        "kyrgyz-tajik-border-clashes-2022", "rahmon-state-visit-to-kyrgyzstan-2025", "khujand-summit-2025",
        "eternal-friendship-concert-2025", "japarov-airport-welcome-2025", "japarov-anthems-and-gun-salute-2025",
        "japarov-meeting-with-rustam-emomali-2025", "japarov-rahmon-talks-2025", "japarov-state-visit-to-tajikistan-2025",
        "kyrgyz-tajik-trade-exhibit-2025", "tajvaron-karamyk-opening-announcement-2025", "kyrgyz-tajik-border-closure",
    ];

    private static readonly string[] ByName =
    [
        "tajvaron-karamyk-opening-announcement-2025", "kyrgyz-tajik-border-closure", "eternal-friendship-concert-2025",
        "central-asian-independence-1991", "japarov-rahmon-talks-2025", "japarov-rahmon-meeting-2021",
        "japarov-meeting-with-rustam-emomali-2025", "japarov-state-visit-to-tajikistan-2025", "khujand-summit-2025",
        "kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-clashes-2022", "kyrgyz-tajik-trade-exhibit-2025",
        "japarov-anthems-and-gun-salute-2025", "rahmon-state-visit-to-kyrgyzstan-2025", "japarov-airport-welcome-2025",
        "tajik-civil-war-1992-1997",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingEventsReturnsAllSixteenByDateWithUndatedLast()
    {
        var page = await (await _client.GetAsync("/v1/events?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByDate, Ids(page));
        Assert.Equal(16, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        var summit = page.GetProperty("items")[6];
        Assert.Equal("summit", summit.GetProperty("eventType").GetString());
        Assert.Equal("2025-03-31", summit.GetProperty("date").GetProperty("from").GetString());
        Assert.Equal("inferred", summit.GetProperty("date").GetProperty("basis").GetString());
        Assert.Equal("Khujand", summit.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal(["sadyr-japarov", "emomali-rahmon", "shavkat-mirziyoyev"],
            summit.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.False(summit.TryGetProperty("facts", out _));
        var closure = page.GetProperty("items")[15];
        Assert.Equal(JsonValueKind.Null, closure.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, closure.GetProperty("partOf").ValueKind);
    }

    [Theory]
    [InlineData("type=state-visit&participant=sadyr-japarov&from=2025-01-01&to=2025-12-31", new[] { "japarov-state-visit-to-tajikistan-2025" })]
    [InlineData("type=armed-conflict", new[] { "kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-clashes-2022" })]
    [InlineData("type=visit", new string[0])]
    [InlineData("participant=rustam-emomali", new[] { "japarov-meeting-with-rustam-emomali-2025", "japarov-state-visit-to-tajikistan-2025" })]
    [InlineData("participant=uzbekistan", new[] { "central-asian-independence-1991" })]
    [InlineData("participant=nobody", new string[0])]
    [InlineData("place=kyrgyz-tajik-border-area", new[] { "kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-closure" })]
    [InlineData("place=dushanbe", new[] { "japarov-rahmon-talks-2025" })]
    [InlineData("place=central-asia", new[] { "central-asian-independence-1991" })]
    [InlineData("country=kyrgyzstan", new[] { "central-asian-independence-1991", "kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-clashes-2022", "rahmon-state-visit-to-kyrgyzstan-2025", "kyrgyz-tajik-border-closure" })]
    [InlineData("country=tajikistan&type=meeting", new[] { "japarov-rahmon-meeting-2021", "japarov-meeting-with-rustam-emomali-2025" })]
    [InlineData("country=tajikistan&from=2025-03-01&to=2025-07-08", new[] { "khujand-summit-2025", "japarov-airport-welcome-2025", "japarov-meeting-with-rustam-emomali-2025", "japarov-rahmon-talks-2025", "japarov-state-visit-to-tajikistan-2025" })]
    public async Task ListingEventsFilters(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/events?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Theory]
    [InlineData("from=2021-04-30&to=2021-04-30", new[] { "kyrgyz-tajik-border-clashes-2021" })] // the last day of "late April 2021"
    [InlineData("from=2021-05-01&to=2021-05-31", new string[0])] // just after it, before "June 2021"
    [InlineData("to=1991-09-01", new[] { "central-asian-independence-1991" })] // the first day of "late 1991"
    [InlineData("to=1991-08-31", new string[0])]
    [InlineData("from=2025-07-09", new[] { "eternal-friendship-concert-2025", "japarov-meeting-with-rustam-emomali-2025", "japarov-rahmon-talks-2025", "japarov-state-visit-to-tajikistan-2025", "kyrgyz-tajik-trade-exhibit-2025", "tajvaron-karamyk-opening-announcement-2025" })]
    [InlineData("from=1995-06-01&to=1995-06-01", new[] { "tajik-civil-war-1992-1997" })] // inside a multi-year interval
    public async Task ListingEventsByDateRangeMatchesFuzzyDatesByOverlap(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/events?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task UndatedEventsNeverMatchADateRange()
    {
        var page = await (await _client.GetAsync("/v1/events?from=0001-01-01&to=9999-12-31&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByDate[..^1], Ids(page));
    }

    [Theory]
    [InlineData("date", false)]
    [InlineData("-date", true)]
    public async Task ListingEventsSortsByDateBothWays(string sort, bool reversed)
    {
        var page = await (await _client.GetAsync($"/v1/events?sort={sort}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(reversed ? ByDate.Reverse() : ByDate, Ids(page));
    }

    [Theory]
    [InlineData("name", false)]
    [InlineData("-name", true)]
    public async Task ListingEventsSortsByNameBothWays(string sort, bool reversed)
    {
        var page = await (await _client.GetAsync($"/v1/events?sort={sort}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(reversed ? ByName.Reverse() : ByName, Ids(page));
    }

    [Theory]
    [InlineData("id", false)]
    [InlineData("-id", true)]
    public async Task ListingEventsSortsByIdBothWays(string sort, bool reversed)
    {
        var byId = ByDate.Order(StringComparer.Ordinal).ToArray();

        var page = await (await _client.GetAsync($"/v1/events?sort={sort}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(reversed ? byId.Reverse() : byId, Ids(page));
    }

    [Theory]
    [InlineData("date")]
    [InlineData("-date")]
    [InlineData("-name")]
    [InlineData("id")]
    public async Task WalkingEventsOneByOneVisitsEachOnceWithLinkHeaders(string sort)
    {
        var all = Ids(await (await _client.GetAsync($"/v1/events?sort={sort}&limit=100")).ReadJsonAsync(HttpStatusCode.OK));
        var seen = (await _client.WalkAsync($"/v1/events?limit=1&sort={sort}")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(16, seen.Count);
        Assert.Equal(all, seen);
    }
}
