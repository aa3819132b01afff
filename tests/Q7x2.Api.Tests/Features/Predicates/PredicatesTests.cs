using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Predicates;

public sealed class PredicatesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const int SeededPredicates = 37;

    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Item(JsonElement page, string id) =>
        page.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id);

    [Fact]
    public async Task ListingPredicatesReturnsTheVocabularyWithFactCounts()
    {
        var page = await (await _client.GetAsync("/v1/predicates?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);
        var facts = await (await _client.GetAsync("/v1/facts?limit=1&count=true")).ReadJsonAsync(HttpStatusCode.OK);

        var ids = page.Ids();
        Assert.Equal(SeededPredicates, page.GetProperty("total").GetInt32());
        Assert.Equal(SeededPredicates, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(22, Item(page, "described-as").GetProperty("factCount").GetInt32());
        Assert.Equal(3, Item(page, "president-of").GetProperty("factCount").GetInt32());
        Assert.Equal("son of", Item(page, "son-of").GetProperty("label").GetString());
        Assert.Equal("son", Item(page, "son-of").GetProperty("inverseLabel").GetString());
        Assert.Equal(JsonValueKind.Null, Item(page, "purpose").GetProperty("inverseLabel").ValueKind);
        Assert.Contains("not agreed", Item(page, "discussed-topic").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(facts.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Sum(p => p.GetProperty("factCount").GetInt32()));
    }

    [Theory]
    [InlineData("label", new[] { "attracting-interest-from", "capital-of", "celebrated", "chairman-of" })]
    [InlineData("-label", new[] { "better-spent-on", "trade-increasing-with", "spent-resources-on", "son-of", "similar-to" })]
    [InlineData("-id", new[] { "trade-increasing-with", "spent-resources-on", "son-of" })]
    public async Task SortingPredicatesOrdersByTheField(string sort, string[] expectedStart)
    {
        var page = await (await _client.GetAsync($"/v1/predicates?sort={sort}&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(expectedStart, page.Ids().Take(expectedStart.Length));
    }

    [Fact]
    public async Task WalkingPredicatesOneByOneVisitsEachOnceInOrder()
    {
        var all = await (await _client.GetAsync("/v1/predicates?sort=-label&limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var walked = await _client.WalkAsync("/v1/predicates?limit=1&sort=-label");

        Assert.Equal(SeededPredicates, walked.Count);
        Assert.Equal(all.Ids(), walked.Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GettingAPredicateShowsItsLabelsAndFactCount()
    {
        var predicate = await (await _client.GetAsync("/v1/predicates/president-of")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("president of", predicate.GetProperty("label").GetString());
        Assert.Equal("president", predicate.GetProperty("inverseLabel").GetString());
        Assert.Equal(3, predicate.GetProperty("factCount").GetInt32());
        Assert.False(string.IsNullOrEmpty(predicate.GetProperty("description").GetString()));
    }

    [Theory]
    [InlineData("no-such-predicate")]
    [InlineData("sadyr-japarov")]
    public async Task GettingAnUnknownPredicateIsANotFoundProblem(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/predicates/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sort=factCount", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("label=son", "label")]
    public async Task ListingPredicatesWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/predicates?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
