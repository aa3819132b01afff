using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Places;

public sealed class PlacesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] ByName =
    [
        "central-asia", "chong-alai-district", "dushanbe", "dushanbe-airport", "ferghana-valley", "khujand", "kyrgyz-capital",
        "kyrgyz-tajik-border-area", "lakhsh-district", "tajvaron-karamyk-crossing-area", "western-kyrgyz-tajik-frontier",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task ListingPlacesReturnsAllElevenSortedByNameWithTypeCountryAndPartOf()
    {
        var page = await (await _client.GetAsync("/v1/places?count=true")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(ByName, Ids(page));
        Assert.Equal(11, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        var lakhsh = items["lakhsh-district"];
        Assert.Equal("place", lakhsh.GetProperty("kind").GetString());
        Assert.Equal("district", lakhsh.GetProperty("placeType").GetString());
        Assert.Equal("Tajikistan", lakhsh.GetProperty("country").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, lakhsh.GetProperty("partOf").ValueKind);
        var frontier = items["western-kyrgyz-tajik-frontier"];
        Assert.Equal(JsonValueKind.Null, frontier.GetProperty("country").ValueKind);
        Assert.Equal("kyrgyz-tajik-border-area", frontier.GetProperty("partOf").GetProperty("id").GetString());
        Assert.Equal("Kyrgyz-Tajik border area", frontier.GetProperty("partOf").GetProperty("name").GetString());
        Assert.False(lakhsh.TryGetProperty("facts", out _));
    }

    [Theory]
    [InlineData("country=tajikistan", new[] { "dushanbe", "dushanbe-airport", "khujand", "lakhsh-district" })]
    [InlineData("country=kyrgyzstan", new[] { "chong-alai-district", "kyrgyz-capital" })]
    [InlineData("type=district", new[] { "chong-alai-district", "lakhsh-district" })]
    [InlineData("type=city&country=tajikistan", new[] { "dushanbe", "khujand" })]
    [InlineData("partOf=kyrgyz-tajik-border-area", new[] { "tajvaron-karamyk-crossing-area", "western-kyrgyz-tajik-frontier" })]
    [InlineData("partOf=central-asia&type=valley", new[] { "ferghana-valley" })]
    [InlineData("country=uzbekistan", new string[0])]
    [InlineData("type=airport&country=kyrgyzstan", new string[0])]
    [InlineData("sort=-name&type=district", new[] { "lakhsh-district", "chong-alai-district" })]
    [InlineData("sort=-id&partOf=kyrgyz-tajik-border-area", new[] { "western-kyrgyz-tajik-frontier", "tajvaron-karamyk-crossing-area" })]
    public async Task ListingPlacesFiltersAndSorts(string query, string[] expected)
    {
        var page = await (await _client.GetAsync($"/v1/places?{query}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, Ids(page));
    }

    [Fact]
    public async Task WalkingPlacesOneByOneVisitsEachOnceWithLinkHeaders()
    {
        var seen = (await _client.WalkAsync("/v1/places?limit=1&sort=-name")).Select(i => i.GetProperty("id").GetString()!).ToList();

        Assert.Equal(ByName.Reverse(), seen);
    }

    [Fact]
    public async Task GettingAPlaceShowsItsFieldsFactsAndEvidence()
    {
        var valley = await (await _client.GetAsync("/v1/places/ferghana-valley")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Ferghana Valley", valley.GetProperty("name").GetString());
        Assert.Equal("valley", valley.GetProperty("placeType").GetString());
        Assert.Equal(JsonValueKind.Null, valley.GetProperty("country").ValueKind);
        Assert.Equal("central-asia", valley.GetProperty("partOf").GetProperty("id").GetString());
        var facts = valley.GetProperty("facts").EnumerateArray().ToList();
        Assert.Equal(
            ["kyrgyzstan-shares-ferghana-valley", "tajikistan-shares-ferghana-valley", "uzbekistan-shares-ferghana-valley"],
            facts.Select(f => f.GetProperty("fact").GetProperty("id").GetString()));
        Assert.All(facts, f => Assert.Equal("object", f.GetProperty("role").GetString()));
        Assert.All(facts, f => Assert.Equal("shared by", f.GetProperty("label").GetString()));
        Assert.All(facts, f => Assert.NotEmpty(f.GetProperty("fact").GetProperty("evidence").EnumerateArray()));
        var evidence = Assert.Single(valley.GetProperty("evidence").EnumerateArray());
        Assert.Equal("the three Central Asian countries that share the Ferghana Valley", evidence.GetProperty("exact").GetString());
    }

    [Theory]
    [InlineData("no-such-place")]
    [InlineData("tajikistan")]
    public async Task GettingAPlaceByAnUnknownOrAnotherKindsIdIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/places/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal($"There is no place with id '{id}'.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("country=Tajikistan", "country")]
    [InlineData("partOf=central asia", "partOf")]
    [InlineData("type=town", "type")]
    [InlineData("sort=population", "sort")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("region=central-asia", "region")]
    public async Task ListingPlacesWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/places?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
