using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// The filters that read ids from a child table's index (a source's facts, an entity's observations) give, under each sort,
/// exactly the records whose own evidence or subjects say so, on a corpus of many sources: on the one-article seed every fact
/// is the article's, so a filter that matched everything would pass there.
/// </summary>
public sealed class FilteredListsTests(GeneratedCorpusQueryPlanTests.Corpus corpus) : IClassFixture<GeneratedCorpusQueryPlanTests.Corpus>
{
    private static List<string> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];

    [Theory]
    [InlineData("id")]
    [InlineData("-date")]
    public async Task ASourcesFactsAreTheFactsWithEvidenceInIt(string sort)
    {
        using var client = corpus.CreateClient();
        var all = await client.WalkAsync($"/v1/facts?limit=100&sort={sort}");
        var source = all.SelectMany(f => f.GetProperty("evidence").EnumerateArray()).Select(v => v.GetProperty("sourceId").GetString()!)
            .GroupBy(s => s).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var expected = Ids(all.Where(f => f.GetProperty("evidence").EnumerateArray().Any(v => v.GetProperty("sourceId").GetString() == source)));

        var filtered = Ids(await client.WalkAsync($"/v1/facts?limit=7&sort={sort}&source={source}"));

        Assert.InRange(expected.Count, 1, all.Count / 2);
        Assert.Equal(expected, filtered);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("-metric")]
    public async Task AnEntitysObservationsAreTheObservationsWithItAsASubject(string sort)
    {
        using var client = corpus.CreateClient();
        var all = await client.WalkAsync($"/v1/observations?limit=100&sort={sort}");
        var subject = all.SelectMany(o => o.GetProperty("subjects").EnumerateArray()).Select(s => s.GetProperty("id").GetString()!)
            .GroupBy(s => s).Where(g => g.Count() > 1).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var expected = Ids(all.Where(o => o.GetProperty("subjects").EnumerateArray().Any(s => s.GetProperty("id").GetString() == subject)));

        var filtered = Ids(await client.WalkAsync($"/v1/observations?limit=3&sort={sort}&subject={subject}"));

        Assert.InRange(expected.Count, 2, all.Count / 2);
        Assert.Equal(expected, filtered);
    }
}
