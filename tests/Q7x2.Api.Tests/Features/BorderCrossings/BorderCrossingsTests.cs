using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.BorderCrossings;

public sealed class BorderCrossingsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static List<string> RefIds(JsonElement refs) =>
        [.. refs.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingBorderCrossingsReturnsAllThreeWithStatusCountriesConnectsAndOpened()
    {
        var page = await (await _client.GetAsync("/v1/border-crossings?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["tajvaron-karamyk-crossing", "western-border-crossing-1", "western-border-crossing-2"], Ids(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["open", "reopened", "reopened"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()));
        var western = page.GetProperty("items")[1];
        Assert.Equal(["kyrgyzstan", "tajikistan"], RefIds(western.GetProperty("countries")));
        Assert.Equal("Tajikistan", western.GetProperty("countries")[1].GetProperty("name").GetString());
        Assert.Empty(western.GetProperty("connects").EnumerateArray());
        Assert.Equal("Following the border agreement in March", western.GetProperty("opened").GetProperty("text").GetString());
        Assert.Equal("after", western.GetProperty("opened").GetProperty("qualifier").GetString());
        Assert.False(western.TryGetProperty("facts", out _));
    }

    [Theory]
    [InlineData("country=tajikistan", new[] { "tajvaron-karamyk-crossing", "western-border-crossing-1", "western-border-crossing-2" })]
    [InlineData("country=uzbekistan", new string[0])]
    [InlineData("country=lakhsh-district", new string[0])]
    [InlineData("status=reopened", new[] { "western-border-crossing-1", "western-border-crossing-2" })]
    [InlineData("status=open", new[] { "tajvaron-karamyk-crossing" })]
    [InlineData("status=closed", new string[0])]
    [InlineData("connects=lakhsh-district", new[] { "tajvaron-karamyk-crossing" })]
    [InlineData("connects=chong-alai-district&country=kyrgyzstan&status=open", new[] { "tajvaron-karamyk-crossing" })]
    [InlineData("connects=kyrgyzstan", new string[0])]
    [InlineData("connects=lakhsh-district&status=reopened", new string[0])]
    [InlineData("sort=-name", new[] { "western-border-crossing-2", "western-border-crossing-1", "tajvaron-karamyk-crossing" })]
    [InlineData("sort=-id&status=reopened", new[] { "western-border-crossing-2", "western-border-crossing-1" })]
    public async Task ListingBorderCrossingsFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/border-crossings?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingBorderCrossingsOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/border-crossings?limit=1&sort=name")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(["tajvaron-karamyk-crossing", "western-border-crossing-1", "western-border-crossing-2"], seen);
    }

    [Fact]
    public async Task GettingABorderCrossingShowsItsFieldsFactsAndEvidence()
    {
        var crossing = await (await _client.GetAsync("/v1/border-crossings/tajvaron-karamyk-crossing")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("border-crossing", crossing.GetProperty("kind").GetString());
        Assert.Equal("open", crossing.GetProperty("status").GetString());
        Assert.Equal(["kyrgyzstan", "tajikistan"], RefIds(crossing.GetProperty("countries")));
        Assert.Equal(["chong-alai-district", "lakhsh-district"], RefIds(crossing.GetProperty("connects")));
        Assert.Equal("Lakhsh district", crossing.GetProperty("connects")[1].GetProperty("name").GetString());
        var opened = crossing.GetProperty("opened");
        Assert.Equal(("2025-03-01", "2025-07-09"), (opened.GetProperty("from").GetString(), opened.GetProperty("to").GetString()));
        Assert.Equal(("before", "inferred"), (opened.GetProperty("qualifier").GetString(), opened.GetProperty("basis").GetString()));
        Assert.Equal(
            ["tajvaron-karamyk-crossing-important", "tajvaron-karamyk-crossing-located-in-area", "tajvaron-karamyk-opening-announced", "tajvaron-karamyk-third-crossing"],
            crossing.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("fact").GetProperty("id").GetString()));
        Assert.All(crossing.GetProperty("facts").EnumerateArray(), f => Assert.Equal("subject", f.GetProperty("role").GetString()));
        Assert.Equal(
            [
                // its opening (status open, opened before the July meeting), after the two crossings reopened in March, and its name
                "it was announced that a third crossing had opened, the Tajvaron-Karamyk post connecting Kyrgyzstan’s Chong-Alai and Tajikistan’s Lakhsh (formerly Jirgatal) districts",
                "Following the border agreement in March, two border crossings were reopened along the western sections of the Kyrgyz-Tajik frontier",
                "The Tajvaron-Karamyk crossing is important for the people living in this sparsely inhabited, remote region",
            ],
            crossing.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("exact").GetString()));
    }

    [Theory]
    [InlineData("no-such-crossing")]
    [InlineData("tajvaron-karamyk-crossing-area")]
    public async Task GettingABorderCrossingByAnUnknownOrAnotherKindsIdIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/border-crossings/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"There is no border crossing with id '{id}'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("country=Kyrgyzstan", "country")]
    [InlineData("connects=lakhsh_district", "connects")]
    [InlineData("status=ajar", "status")]
    [InlineData("status=OPEN", "status")]
    [InlineData("sort=opened", "sort")]
    [InlineData("limit=101", "limit")]
    [InlineData("countries=kyrgyzstan", "countries")]
    public async Task ListingBorderCrossingsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/border-crossings?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
