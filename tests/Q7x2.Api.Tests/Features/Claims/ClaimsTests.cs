using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Claims;

/// <summary>The article's claims, each checked against the records it rests on, as the seed has them.</summary>
public sealed class ClaimsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Every claim of the article: its status and computed range (null when unverifiable).</summary>
    public static TheoryData<string, string, decimal?, decimal?> ArticleClaims() => new()
    {
        { "kyrgyz-tajik-trade-15-times-more", "consistent", 15.68m, 15.68m },
        { "june-2021-trip-nearly-two-months-after-outbreak", "consistent", 1.05m, 2.3m },
        { "fighting-in-september-of-the-next-year", "consistent", 1m, 1m },
        { "japarov-two-day-visit", "consistent", 2m, 2m },
        { "kyrgyz-tajik-clashes-only-two-since-independence", "consistent", 2m, 2m },
        { "rahmon-first-state-visit-in-nearly-12-years", "unverifiable", null, null },
        { "border-violence-more-than-a-decade", "unverifiable", null, null },
        { "kyrgyz-tajik-trade-topped-50-million", "unverifiable", null, null },
        { "tajikistan-population-more-than-10-million", "unverifiable", null, null },
        { "kyrgyzstan-population-more-than-7-million", "unverifiable", null, null },
        { "mountains-cover-more-than-90-percent", "unverifiable", null, null },
        { "civil-war-refugees-more-than-40000", "unverifiable", null, null },
        { "fourteen-agreements-signed", "unverifiable", null, null },
    };

    [Theory]
    [MemberData(nameof(ArticleClaims))]
    public async Task EachClaimOfTheArticleHasItsStatusAndComputedFigure(string id, string status, decimal? min, decimal? max)
    {
        var claim = await (await _client.GetAsync($"/v1/claims/{id}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(status, claim.GetProperty("status").GetString());
        var computed = claim.GetProperty("computed");
        if (min is null)
        {
            Assert.Equal(JsonValueKind.Null, computed.ValueKind);
            Assert.StartsWith("Unverifiable: checking it would need ", claim.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((min, max), (computed.GetProperty("min").GetDecimal(), computed.GetProperty("max").GetDecimal()));
            Assert.EndsWith($": {status}.", claim.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheListHoldsEveryClaimOfTheArticleInIdOrderAndNoneIsInconsistent()
    {
        var page = await (await _client.GetAsync("/v1/claims?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        var expected = ArticleClaims().Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, page.Ids());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("status").GetString() == "inconsistent");
    }

    [Fact]
    public async Task TheRatioClaimShowsItsOperandsToleranceAndQuote()
    {
        var claim = await (await _client.GetAsync("/v1/claims/kyrgyz-tajik-trade-15-times-more")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("ratio", claim.GetProperty("rule").GetString());
        Assert.Equal(15m, claim.GetProperty("stated").GetProperty("value").GetDecimal());
        Assert.Equal("15", claim.GetProperty("stated").GetProperty("value").GetRawText());
        var tolerance = claim.GetProperty("tolerance");
        Assert.Equal(("times", 13.5m, 16.5m), (tolerance.GetProperty("qualifier").GetString(), tolerance.GetProperty("min").GetDecimal(), tolerance.GetProperty("max").GetDecimal()));
        var records = claim.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("role").GetString(), r.GetProperty("id").GetString(), r.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal(
            [("numerator", "kyrgyz-tajik-trade-jan-may-2025", 6350000m), ("denominator", "kyrgyz-tajik-trade-jan-may-2024", 405100m),
             ("stated", "kyrgyz-tajik-trade-growth-2025-vs-2024", 15m)],
            records);
        var quote = Assert.Single(claim.GetProperty("evidence").EnumerateArray());
        var text = await (await _client.GetAsync("/v1/sources/kyrgyz-president-visits-tajikistan")).ReadJsonAsync(HttpStatusCode.OK);
        var codePoints = text.GetProperty("text").GetString()!.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal(quote.GetProperty("exact").GetString(),
            string.Concat(codePoints[quote.GetProperty("start").GetInt32()..quote.GetProperty("end").GetInt32()]));
        Assert.Equal("that is 15 times more than the meager $405,100", quote.GetProperty("exact").GetString());
    }

    [Fact]
    public async Task TheDifferenceOfTwoMonthDatesIsARangeThatMeetsNearly()
    {
        var claim = await (await _client.GetAsync("/v1/claims/june-2021-trip-nearly-two-months-after-outbreak")).ReadJsonAsync(HttpStatusCode.OK);

        // late April 2021 (21st to 30th) to June 2021 (1st to 30th): 32 to 70 days; "nearly" 2 allows 1.6 to 2 months.
        Assert.Contains("32 to 70 days", claim.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var tolerance = claim.GetProperty("tolerance");
        Assert.Equal((1.6m, 2m), (tolerance.GetProperty("min").GetDecimal(), tolerance.GetProperty("max").GetDecimal()));
        Assert.Equal(["from", "to", "stated"], claim.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("role").GetString()));
        Assert.Equal("late April 2021", claim.GetProperty("records")[0].GetProperty("date").GetProperty("text").GetString());
    }

    [Fact]
    public async Task FiltersByStatusSubjectAndSourceAndCountsTheMatches()
    {
        var consistent = await (await _client.GetAsync("/v1/claims?status=consistent&count=true")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["fighting-in-september-of-the-next-year", "japarov-two-day-visit", "june-2021-trip-nearly-two-months-after-outbreak",
             "kyrgyz-tajik-clashes-only-two-since-independence", "kyrgyz-tajik-trade-15-times-more"],
            consistent.Ids());
        Assert.Equal(5, consistent.GetProperty("total").GetInt32());

        var aboutJaparov = await (await _client.GetAsync("/v1/claims?subject=sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["japarov-two-day-visit", "june-2021-trip-nearly-two-months-after-outbreak"], aboutJaparov.Ids());

        var unverifiableAboutTajikistan = await (await _client.GetAsync("/v1/claims?status=unverifiable&subject=tajikistan&count=true"))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, unverifiableAboutTajikistan.GetProperty("total").GetInt32());
        Assert.All(unverifiableAboutTajikistan.GetProperty("items").EnumerateArray(), c => Assert.Contains(
            "tajikistan", c.GetProperty("subjects").EnumerateArray().Select(s => s.GetProperty("id").GetString())));

        var ofTheArticle = await (await _client.GetAsync("/v1/claims?source=kyrgyz-president-visits-tajikistan&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(13, ofTheArticle.GetProperty("items").GetArrayLength());
        var ofNoSource = await (await _client.GetAsync("/v1/claims?source=no-such-source")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, ofNoSource.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PagingAStatusFilterVisitsEachMatchOnceInOrder()
    {
        var all = (await (await _client.GetAsync("/v1/claims?status=unverifiable&limit=100")).ReadJsonAsync(HttpStatusCode.OK)).Ids();
        var walked = new List<string>();
        var url = "/v1/claims?status=unverifiable&limit=3";
        var pages = 0;
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            walked.AddRange(page.Ids());
            pages++;
            var next = page.GetProperty("next").GetString();
            Assert.Equal(next is null, !response.Headers.Contains("Link"));
            url = next is null ? null : $"/v1/claims?status=unverifiable&limit=3&cursor={Uri.EscapeDataString(next)}";
        }

        Assert.Equal(8, all.Count);
        Assert.Equal(all, walked);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task TheTotalOfAStatusFilterCountsEveryMatchOnEveryPage()
    {
        var first = await (await _client.GetAsync("/v1/claims?status=unverifiable&limit=3&count=true")).ReadJsonAsync(HttpStatusCode.OK);
        var next = Uri.EscapeDataString(first.GetProperty("next").GetString()!);
        var second = await (await _client.GetAsync($"/v1/claims?status=unverifiable&limit=3&count=true&cursor={next}")).ReadJsonAsync(HttpStatusCode.OK);
        var third = await (await _client.GetAsync($"/v1/claims?status=unverifiable&limit=3&cursor={next}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal((8, 8), (first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32()));
        Assert.Equal(third.Ids(), second.Ids());
        Assert.Equal(3, second.GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(second.Ids(), first.Ids().Contains);
        Assert.Equal(third.GetProperty("next").GetString(), second.GetProperty("next").GetString());
    }

    [Theory]
    [InlineData("/v1/claims?status=true", "status")]
    [InlineData("/v1/claims?subject=Not%20An%20Id", "subject")]
    [InlineData("/v1/claims?limit=0", "limit")]
    [InlineData("/v1/claims?cursor=nonsense", "cursor")]
    [InlineData("/v1/claims?rule=ratio", "rule")]
    public async Task BadParametersAreAValidationProblem(string url, string parameter)
    {
        var problem = await (await _client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task AnUnknownClaimIsANotFoundProblem()
    {
        var problem = await (await _client.GetAsync("/v1/claims/no-such-claim")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-claim", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
