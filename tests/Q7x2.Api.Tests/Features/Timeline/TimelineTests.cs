using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Timeline;

public sealed class TimelineTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    /// <summary>The 15 dated events and 6 dated facts of the seed, by first day, then events before facts, then id.</summary>
    private static readonly string[] Everything =
    [
        "event central-asian-independence-1991", "event tajik-civil-war-1992-1997", "fact japarov-in-power-in-kyrgyzstan",
        "event kyrgyz-tajik-border-clashes-2021", "fact kyrgyzstan-spent-on-arms", "fact tajikistan-spent-on-arms",
        "event japarov-rahmon-meeting-2021", "event kyrgyz-tajik-border-clashes-2022", "event rahmon-state-visit-to-kyrgyzstan-2025",
        "event khujand-summit-2025", "event eternal-friendship-concert-2025",
        "event japarov-airport-welcome-2025", "event japarov-anthems-and-gun-salute-2025", "event japarov-meeting-with-rustam-emomali-2025",
        "event japarov-rahmon-talks-2025", "event japarov-state-visit-to-tajikistan-2025", "event kyrgyz-tajik-trade-exhibit-2025",
        "event tajvaron-karamyk-opening-announcement-2025", "fact japarov-proposed-environmental-safeguards",
        "fact japarov-proposed-joint-mining-development",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Items(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("type").GetString()} {i.GetProperty("id").GetString()}")];

    private static JsonElement Item(JsonElement page, string id) =>
        Assert.Single(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

    [Fact]
    public async Task TheTimelineHoldsDatedEventsAndFactsInTimeOrder()
    {
        var page = await (await _client.GetAsync("/v1/timeline?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(Everything, Items(page));
        Assert.Equal(20, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.DoesNotContain("event kyrgyz-tajik-border-closure", Items(page));
    }

    [Fact]
    public async Task TimelineItemsCarryTheEventReferenceOrTheWholeFact()
    {
        var page = await (await _client.GetAsync("/v1/timeline?limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var summit = Item(page, "khujand-summit-2025");
        Assert.Equal("Khujand summit of March 31, 2025", summit.GetProperty("title").GetString());
        Assert.Equal("March 31", summit.GetProperty("date").GetProperty("text").GetString());
        Assert.Equal(("khujand-summit-2025", "event"), (summit.GetProperty("entity").GetProperty("id").GetString(), summit.GetProperty("entity").GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Null, summit.GetProperty("fact").ValueKind);
        var power = Item(page, "japarov-in-power-in-kyrgyzstan");
        Assert.Equal("Sadyr Japarov – in power in – Kyrgyzstan", power.GetProperty("title").GetString());
        Assert.Equal("since late 2020", power.GetProperty("date").GetProperty("text").GetString());
        Assert.Equal("in-power-in", power.GetProperty("fact").GetProperty("predicate").GetProperty("id").GetString());
        Assert.NotEmpty(power.GetProperty("fact").GetProperty("evidence").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, power.GetProperty("entity").ValueKind);
        Assert.Equal("Kyrgyzstan – spent resources on – arms and military equipment", Item(page, "kyrgyzstan-spent-on-arms").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("from=2021-04-30&to=2021-04-30", // the last day of "late April 2021"; facts running since 2020 and 2021 overlap it too
        new[] { "fact japarov-in-power-in-kyrgyzstan", "event kyrgyz-tajik-border-clashes-2021", "fact kyrgyzstan-spent-on-arms", "fact tajikistan-spent-on-arms" })]
    [InlineData("from=2021-05-01&to=2021-05-31", // just after the clashes
        new[] { "fact japarov-in-power-in-kyrgyzstan", "fact kyrgyzstan-spent-on-arms", "fact tajikistan-spent-on-arms" })]
    [InlineData("from=2025-07-09&to=2025-07-09", // the second day of the visit: one-day July 8 events and the trade fact ending July 8 drop out
        new[]
        {
            "fact japarov-in-power-in-kyrgyzstan", "fact kyrgyzstan-spent-on-arms", "fact tajikistan-spent-on-arms", "event eternal-friendship-concert-2025",
            "event japarov-meeting-with-rustam-emomali-2025", "event japarov-rahmon-talks-2025", "event japarov-state-visit-to-tajikistan-2025",
            "event kyrgyz-tajik-trade-exhibit-2025", "event tajvaron-karamyk-opening-announcement-2025", "fact japarov-proposed-environmental-safeguards",
            "fact japarov-proposed-joint-mining-development",
        })]
    [InlineData("to=1991-12-31", new[] { "event central-asian-independence-1991" })]
    [InlineData("from=2025-07-10", new string[0])]
    [InlineData("country=uzbekistan", new[] { "event central-asian-independence-1991" })]
    [InlineData("country=kyrgyzstan",
        new[]
        {
            "event central-asian-independence-1991", "fact japarov-in-power-in-kyrgyzstan", "event kyrgyz-tajik-border-clashes-2021",
            "fact kyrgyzstan-spent-on-arms", "event kyrgyz-tajik-border-clashes-2022", "event rahmon-state-visit-to-kyrgyzstan-2025",
        })]
    [InlineData("person=rustam-emomali", new[] { "event japarov-meeting-with-rustam-emomali-2025", "event japarov-state-visit-to-tajikistan-2025" })]
    [InlineData("person=sadyr-japarov&to=2025-06-30", new[] { "fact japarov-in-power-in-kyrgyzstan", "event japarov-rahmon-meeting-2021", "event khujand-summit-2025" })]
    [InlineData("country=tajikistan&person=sadyr-japarov&from=2025-01-01",
        new[]
        {
            "event khujand-summit-2025", "event japarov-airport-welcome-2025", "event japarov-meeting-with-rustam-emomali-2025",
            "event japarov-rahmon-talks-2025", "event japarov-state-visit-to-tajikistan-2025",
        })]
    [InlineData("person=nobody", new string[0])]
    public async Task TheTimelineFilters(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/timeline?limit=100&{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Items(page));
    }

    [Theory]
    [InlineData(1, "")]
    [InlineData(2, "")]
    [InlineData(3, "")]
    [InlineData(1, "&person=sadyr-japarov")]
    [InlineData(2, "&country=kyrgyzstan&from=2021-01-01")]
    public async Task WalkingTheTimelineVisitsEachItemOnceInOrder(int limit, string filters)
    {
        var all = Items(await (await _client.GetAsync($"/v1/timeline?limit=100{filters}")).ReadJsonAsync(HttpStatusCode.OK));
        var seen = new List<string>();
        var url = $"/v1/timeline?limit={limit}{filters}";
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, limit);
            seen.AddRange(Items(page));
            var next = page.GetProperty("next").GetString();
            Assert.Equal(next is null, !response.Headers.Contains("Link"));
            url = next is null ? null : response.Headers.GetValues("Link").Single().Split('<', '>')[1];
        }

        Assert.NotEmpty(all);
        Assert.Equal(all, seen);
    }
}
