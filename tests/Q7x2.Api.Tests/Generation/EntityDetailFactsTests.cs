using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// An entity's detail embeds at most 20 of its facts — the first page of its facts list — with the count of all of them
/// and a link to that list, so that a hub of a large corpus stays cheap to read. Fewer facts are all embedded, no link.
/// </summary>
public sealed class EntityDetailFactsTests(GeneratedCorpusQueryPlanTests.Corpus corpus) : IClassFixture<GeneratedCorpusQueryPlanTests.Corpus>
{
    private static List<string?> EmbeddedIds(JsonElement facts) => [.. facts.EnumerateArray().Select(f => f.GetProperty("fact").GetProperty("id").GetString())];

    private static List<string?> ListedIds(JsonElement items) => [.. items.EnumerateArray().Select(f => f.GetProperty("id").GetString())];

    private static async Task<int> CountAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/v1/facts?entity={id}&limit=1&count=true")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task AHubsDetailEmbedsTheFirstPageOfItsFactsWithTheirCountAndALinkToTheRest()
    {
        using var client = corpus.CreateClient();
        var countries = await (await client.GetAsync("/v1/countries?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        var counts = new List<(string Id, int Facts)>();
        foreach (var country in countries.GetProperty("items").EnumerateArray())
        {
            var id = country.GetProperty("id").GetString()!;
            counts.Add((id, await CountAsync(client, id)));
        }

        var (hub, total) = counts.MaxBy(c => c.Facts);
        Assert.True(total > 40, $"the corpus's hub has only {total} facts");

        var detail = await (await client.GetAsync($"/v1/countries/{hub}")).ReadJsonAsync(HttpStatusCode.OK);
        var list = await (await client.GetAsync($"/v1/facts?entity={hub}&limit=20")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(20, detail.GetProperty("facts").GetArrayLength());
        Assert.Equal(ListedIds(list.GetProperty("items")), EmbeddedIds(detail.GetProperty("facts")));
        Assert.Equal(total, detail.GetProperty("factCount").GetInt32());
        Assert.Equal($"/v1/facts?entity={hub}", detail.GetProperty("moreFacts").GetString());
        Assert.All(detail.GetProperty("facts").EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("fact").GetProperty("evidence").EnumerateArray()));
    }

    [Fact]
    public async Task AnEntityWithFewFactsHasThemAllAndNoLink()
    {
        using var client = corpus.CreateClient();
        var people = await (await client.GetAsync("/v1/people?limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        foreach (var person in people.GetProperty("items").EnumerateArray().Take(30))
        {
            var id = person.GetProperty("id").GetString()!;
            var total = await CountAsync(client, id);
            if (total is 0 or > 20)
            {
                continue;
            }

            var detail = await (await client.GetAsync($"/v1/people/{id}")).ReadJsonAsync(HttpStatusCode.OK);
            var all = await (await client.GetAsync($"/v1/facts?entity={id}&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(ListedIds(all.GetProperty("items")), EmbeddedIds(detail.GetProperty("facts")));
            Assert.Equal(total, detail.GetProperty("factCount").GetInt32());
            Assert.False(detail.TryGetProperty("moreFacts", out _));
            return;
        }

        Assert.Fail("no person with 1 to 20 facts among the first 30");
    }
}
