using System.Net;
using CsvHelper;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary>
/// CSV exports of lists longer than one export page (100 rows), on a generated corpus: the seeded article has no list that
/// long but a source's evidence, and an export that stopped after its first page passed every test on the article.
/// </summary>
public sealed class CsvCorpusTests(CsvCorpusTests.Corpus corpus) : IClassFixture<CsvCorpusTests.Corpus>
{
    private readonly HttpClient _client = corpus.CreateClient();

    [Theory]
    [InlineData("/v1/entities")]
    [InlineData("/v1/facts?sort=date")]
    [InlineData("/v1/observations")]
    [InlineData("/v1/timeline")]
    public async Task AnExportOfManyPagesHoldsEveryRowOfTheListInItsOrder(string list)
    {
        var ids = new List<string>();
        var url = list + (list.Contains('?') ? "&" : "?") + "limit=100";
        for (var next = url; next is not null;)
        {
            var page = await (await _client.GetAsync(next)).ReadJsonAsync(HttpStatusCode.OK);
            ids.AddRange(page.Ids());
            next = page.GetProperty("next").GetString() is { } cursor ? $"{url}&cursor={cursor}" : null;
        }

        var response = await _client.GetAsync(list + (list.Contains('?') ? "&" : "?") + "format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var csv = CsvReader.Create(await response.Content.ReadAsByteArrayAsync());
        var rows = new List<string>();
        while (csv.Read())
        {
            rows.Add(csv.GetString("id"));
        }

        Assert.True(ids.Count > 250, $"{list}: only {ids.Count} records, not several export pages");
        Assert.Equal(ids, rows);
    }

    public sealed class Corpus() : SeededCorpus(sources: 30);
}
