using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.People;

public sealed class PeopleTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingPeopleReturnsAllFourSortedByName()
    {
        var page = await (await _client.GetAsync("/v1/people?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["emomali-rahmon", "rustam-emomali", "sadyr-japarov", "shavkat-mirziyoyev"], Ids(page));
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        var japarov = page.GetProperty("items")[2];
        Assert.Equal("kyrgyzstan", japarov.GetProperty("country").GetProperty("id").GetString());
        Assert.Equal("Kyrgyzstan", japarov.GetProperty("country").GetProperty("name").GetString());
        Assert.False(japarov.TryGetProperty("facts", out _));
    }

    [Theory]
    [InlineData("country=tajikistan", new[] { "emomali-rahmon", "rustam-emomali" })]
    [InlineData("role=PRESIDENT", new[] { "emomali-rahmon", "sadyr-japarov", "shavkat-mirziyoyev" })]
    [InlineData("country=uzbekistan&role=president", new[] { "shavkat-mirziyoyev" })]
    [InlineData("country=nowhere", new string[0])]
    [InlineData("sort=-name", new[] { "shavkat-mirziyoyev", "sadyr-japarov", "rustam-emomali", "emomali-rahmon" })]
    public async Task ListingPeopleFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/people?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingPeopleOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/people?limit=1&sort=-id")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(["shavkat-mirziyoyev", "sadyr-japarov", "rustam-emomali", "emomali-rahmon"], seen);
    }

    [Fact]
    public async Task GettingAPersonShowsFactsFromBothSidesWithInverseLabels()
    {
        var rahmon = await (await _client.GetAsync("/v1/people/emomali-rahmon")).ReadJsonAsync(HttpStatusCode.OK);

        var facts = rahmon.GetProperty("facts").EnumerateArray().ToList();
        var son = Assert.Single(facts, f => f.GetProperty("fact").GetProperty("id").GetString() == "rustam-emomali-son-of-rahmon");
        Assert.Equal("object", son.GetProperty("role").GetString());
        Assert.NotEqual(son.GetProperty("fact").GetProperty("predicate").GetProperty("label").GetString(), son.GetProperty("label").GetString());
        Assert.Equal("Rustam Emomali", son.GetProperty("fact").GetProperty("subject").GetProperty("name").GetString());
        Assert.Contains(facts, f => f.GetProperty("role").GetString() == "subject");
        Assert.NotEmpty(rahmon.GetProperty("evidence").EnumerateArray());
        Assert.All(facts, f => Assert.NotEmpty(f.GetProperty("fact").GetProperty("evidence").EnumerateArray()));
    }

    [Fact]
    public async Task GettingAPersonByAnotherKindsIdIsNotFound()
    {
        await (await _client.GetAsync("/v1/people/tajikistan")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("country=Not A Slug", "country")]
    [InlineData("sort=age", "sort")]
    [InlineData("limit=500", "limit")]
    [InlineData("nationality=kg", "nationality")]
    public async Task ListingPeopleWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/people?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task AnUnknownParameterIsReportedEvenBesideABadValue()
    {
        var problem = await (await _client.GetAsync("/v1/people?limit=0&contry=kyrgyzstan")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Allowed:", problem.GetProperty("errors").GetProperty("contry")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACursorFromAnotherSortIsRejected()
    {
        var first = await (await _client.GetAsync("/v1/people?limit=1&sort=name")).ReadJsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("next").GetString();

        var problem = await (await _client.GetAsync($"/v1/people?limit=1&sort=id&cursor={cursor}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}
