using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Countries;

public sealed class CountriesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingCountriesReturnsAllThreeSortedByNameWithIsoCodes()
    {
        var page = await (await _client.GetAsync("/v1/countries?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["kyrgyzstan", "tajikistan", "uzbekistan"], Ids(page));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["KG", "TJ", "UZ"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("isoCode").GetString()));
        var tajikistan = page.GetProperty("items")[1];
        Assert.Equal("country", tajikistan.GetProperty("kind").GetString());
        Assert.Equal("Tajik", Assert.Single(tajikistan.GetProperty("aliases").EnumerateArray()).GetProperty("name").GetString());
        Assert.False(tajikistan.TryGetProperty("facts", out _));
    }

    [Theory]
    [InlineData("isoCode=TJ", new[] { "tajikistan" })]
    [InlineData("isoCode=UZ&sort=-name", new[] { "uzbekistan" })]
    [InlineData("isoCode=FR", new string[0])]
    [InlineData("sort=-name", new[] { "uzbekistan", "tajikistan", "kyrgyzstan" })]
    [InlineData("sort=id", new[] { "kyrgyzstan", "tajikistan", "uzbekistan" })]
    public async Task ListingCountriesFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/countries?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingCountriesOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/countries?limit=1&sort=-id")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(["uzbekistan", "tajikistan", "kyrgyzstan"], seen);
    }

    [Fact]
    public async Task GettingACountryShowsItsIsoCodeFactsFromBothSidesAndEvidence()
    {
        var uzbekistan = await (await _client.GetAsync("/v1/countries/uzbekistan")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("UZ", uzbekistan.GetProperty("isoCode").GetString());
        Assert.Equal("reference", uzbekistan.GetProperty("isoCodeBasis").GetString());
        var facts = uzbekistan.GetProperty("facts").EnumerateArray()
            .Select(f => (f.GetProperty("fact").GetProperty("id").GetString(), f.GetProperty("role").GetString(), f.GetProperty("label").GetString()));
        Assert.Equal(
            [
                ("mirziyoyev-president-of-uzbekistan", "object", "president"),
                ("trilateral-border-agreement-concerns-uzbekistan", "object", "concerned by"),
                ("uzbekistan-located-in-central-asia", "subject", "located in"),
                ("uzbekistan-shares-ferghana-valley", "subject", "shares"),
            ],
            facts);
        Assert.Equal(
            ["Uzbek President Shavkat Mirziyoyev", "the three Central Asian countries that share the Ferghana Valley"],
            uzbekistan.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("exact").GetString()));
    }

    [Fact]
    public async Task AnAssessmentOfRelationsBetweenTwoCountriesShowsOnBothCountriesPages()
    {
        var assessments = (await (await _client.GetAsync("/v1/facts?predicate=relations-assessment")).ReadJsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();
        var kyrgyzstan = await (await _client.GetAsync("/v1/countries/kyrgyzstan")).ReadJsonAsync(HttpStatusCode.OK);
        var tajikistan = await (await _client.GetAsync("/v1/countries/tajikistan")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(4, assessments.Count);
        foreach (var fact in assessments)
        {
            // Both sides, and what was judged, in one record: not copies.
            Assert.Equal("kyrgyzstan", fact.GetProperty("subject").GetProperty("id").GetString());
            Assert.Equal("tajikistan", fact.GetProperty("object").GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(fact.GetProperty("value").GetString()));
        }

        var ids = assessments.Select(f => f.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(ids, RelationsOn(kyrgyzstan, "subject"));
        Assert.Equal(ids, RelationsOn(tajikistan, "object"));
    }

    private static List<string?> RelationsOn(JsonElement country, string role) =>
    [
        .. country.GetProperty("facts").EnumerateArray()
            .Where(f => f.GetProperty("fact").GetProperty("predicate").GetProperty("id").GetString() == "relations-assessment")
            .Select(f =>
            {
                Assert.Equal(role, f.GetProperty("role").GetString());
                Assert.Equal("relations assessed as", f.GetProperty("label").GetString());
                return f.GetProperty("fact").GetProperty("id").GetString();
            })
            .Order(),
    ];

    [Theory]
    [InlineData("france")]
    [InlineData("dushanbe")]
    public async Task GettingACountryByAnUnknownOrAnotherKindsIdIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/countries/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"There is no country with id '{id}'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("isoCode=tj", "isoCode")]
    [InlineData("isoCode=TJK", "isoCode")]
    [InlineData("isoCode=T1", "isoCode")]
    [InlineData("sort=isoCode", "sort")]
    [InlineData("limit=1000", "limit")]
    [InlineData("iso=TJ", "iso")]
    public async Task ListingCountriesWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/countries?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
