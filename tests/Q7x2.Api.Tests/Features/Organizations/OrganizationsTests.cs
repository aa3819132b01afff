using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Organizations;

public sealed class OrganizationsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] ByName =
    [
        "kyrgyz-health-ministry", "kyrgyz-labor-ministry", "kyrgyz-military", "local-administrations-2025-agreements",
        "tajik-health-ministry", "tajik-labor-ministry", "tajik-military", "tajikistan-honor-guard",
        "tajikistan-upper-house-of-parliament", "the-times-of-central-asia",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingOrganizationsReturnsAllTenSortedByNameWithTypeAndCountry()
    {
        var page = await (await _client.GetAsync("/v1/organizations?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByName, Ids(page));
        Assert.Equal(10, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal("ceremonial-unit", items["tajikistan-honor-guard"].GetProperty("orgType").GetString());
        Assert.Equal("Tajikistan", items["tajikistan-honor-guard"].GetProperty("country").GetProperty("name").GetString());
        Assert.Equal("media", items["the-times-of-central-asia"].GetProperty("orgType").GetString());
        Assert.Equal(JsonValueKind.Null, items["the-times-of-central-asia"].GetProperty("country").ValueKind);
        Assert.False(items["tajikistan-honor-guard"].TryGetProperty("facts", out _));
    }

    [Theory]
    [InlineData("country=kyrgyzstan", new[] { "kyrgyz-health-ministry", "kyrgyz-labor-ministry", "kyrgyz-military" })]
    [InlineData("type=ministry", new[] { "kyrgyz-health-ministry", "kyrgyz-labor-ministry", "tajik-health-ministry", "tajik-labor-ministry" })]
    [InlineData("type=military-unit&country=tajikistan", new[] { "tajik-military" })]
    [InlineData("type=government-body", new[] { "local-administrations-2025-agreements" })]
    [InlineData("type=business", new string[0])]
    [InlineData("country=uzbekistan", new string[0])]
    [InlineData("sort=-name&country=kyrgyzstan", new[] { "kyrgyz-military", "kyrgyz-labor-ministry", "kyrgyz-health-ministry" })]
    [InlineData("sort=id&type=legislature", new[] { "tajikistan-upper-house-of-parliament" })]
    public async Task ListingOrganizationsFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/organizations?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingOrganizationsOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/organizations?limit=1&sort=-name")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(ByName.Reverse(), seen);
    }

    [Fact]
    public async Task GettingAnOrganizationShowsItsFieldsFactsAndEvidence()
    {
        var house = await (await _client.GetAsync("/v1/organizations/tajikistan-upper-house-of-parliament")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Tajikistan’s upper house of parliament", house.GetProperty("name").GetString());
        Assert.Equal("legislature", house.GetProperty("orgType").GetString());
        Assert.Equal("tajikistan", house.GetProperty("country").GetProperty("id").GetString());
        var fact = Assert.Single(house.GetProperty("facts").EnumerateArray());
        Assert.Equal("rustam-emomali-chairman-of-upper-house", fact.GetProperty("fact").GetProperty("id").GetString());
        Assert.Equal("object", fact.GetProperty("role").GetString());
        Assert.Equal("chairman", fact.GetProperty("label").GetString());
        Assert.Equal("Rustam Emomali", fact.GetProperty("fact").GetProperty("subject").GetProperty("name").GetString());
        Assert.NotEmpty(fact.GetProperty("fact").GetProperty("evidence").EnumerateArray());
        var evidence = Assert.Single(house.GetProperty("evidence").EnumerateArray());
        Assert.Equal("the chairman of Tajikistan’s upper house of parliament", evidence.GetProperty("exact").GetString());
    }

    [Theory]
    [InlineData("no-such-organization")]
    [InlineData("kyrgyzstan")]
    public async Task GettingAnOrganizationByAnUnknownOrAnotherKindsIdIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/organizations/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"There is no organization with id '{id}'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("country=KG", "country")]
    [InlineData("type=Ministry", "type")]
    [InlineData("type=ngo", "type")]
    [InlineData("sort=orgType", "sort")]
    [InlineData("limit=-1", "limit")]
    [InlineData("orgType=media", "orgType")]
    public async Task ListingOrganizationsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/organizations?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
