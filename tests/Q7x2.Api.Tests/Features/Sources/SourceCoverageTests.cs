using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Sources;

public sealed class SourceCoverageTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Article = "/v1/sources/kyrgyz-president-visits-tajikistan";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EverySentenceOfTheArticleHasDataOrAReason()
    {
        var coverage = await (await _client.GetAsync($"{Article}/coverage")).ReadJsonAsync(HttpStatusCode.OK);
        var text = (await (await _client.GetAsync(Article)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("text").GetString()!;
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();

        var sentences = coverage.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(44, coverage.GetProperty("total").GetInt32());
        Assert.Equal(44, sentences.Count);
        Assert.Equal((40, 4, 0), (coverage.GetProperty("withData").GetInt32(), coverage.GetProperty("withReason").GetInt32(), coverage.GetProperty("uncovered").GetInt32()));
        Assert.Equal(1m, coverage.GetProperty("coverage").GetDecimal());
        var end = 0;
        foreach (var (sentence, index) in sentences.Select((s, i) => (s, i)))
        {
            var (start, stop) = (sentence.GetProperty("start").GetInt32(), sentence.GetProperty("end").GetInt32());
            Assert.Equal(index, sentence.GetProperty("index").GetInt32());
            Assert.True(start >= end && stop > start, $"sentence {index} is out of order");
            Assert.Equal(string.Concat(codePoints[start..stop]), sentence.GetProperty("text").GetString());
            Assert.Contains(sentence.GetProperty("status").GetString(), (string[])["data", "reason"]);
            end = stop;
        }

        var headings = sentences.Where(s => s.GetProperty("status").GetString() == "reason").ToList();
        Assert.Equal(["A Year of Firsts", "Pomp and Ceremony", "Moving Forward", "From Bombs and Bullets to Fruit and Fashion"],
            headings.Select(s => s.GetProperty("text").GetString()));
        Assert.All(headings, h => Assert.Equal("heading", Assert.Single(h.GetProperty("reasons").EnumerateArray()).GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ASentenceListsTheRecordsWhoseEvidenceFallsInIt()
    {
        var coverage = await (await _client.GetAsync($"{Article}/coverage")).ReadJsonAsync(HttpStatusCode.OK);

        var salute = coverage.GetProperty("sentences").EnumerateArray().Single(s => s.GetProperty("text").GetString()!.Contains("21-gun salute", StringComparison.Ordinal));
        var records = salute.GetProperty("records").EnumerateArray().Select(r => (r.GetProperty("type").GetString(), r.GetProperty("id").GetString())).ToList();
        Assert.Contains(("observation", "japarov-gun-salute"), records);
        Assert.Contains(("entity", "japarov-anthems-and-gun-salute-2025"), records);
        Assert.Equal(records.Count, records.Distinct().Count());
        var trade = coverage.GetProperty("sentences").EnumerateArray().Single(s => s.GetProperty("text").GetString()!.Contains("15 times more", StringComparison.Ordinal));
        Assert.Contains(trade.GetProperty("records").EnumerateArray(), r => r.GetProperty("type").GetString() == "claim"
            && r.GetProperty("id").GetString() == "kyrgyz-tajik-trade-15-times-more");
    }

    [Fact]
    public async Task AnUnknownSourceIsANotFoundProblem()
    {
        var problem = await (await _client.GetAsync("/v1/sources/no-such-source/coverage")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-source", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Coverage is computed when it is read: a reason taken away leaves its sentence uncovered.</summary>
public sealed class SourceCoverageWithoutAReasonTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    [Fact]
    public async Task ASentenceWithoutDataOrReasonIsUncoveredAndLowersTheFigure()
    {
        await using (var db = factory.CreateDb())
        {
            await db.CoverageNotes.Where(n => n.Exact == "Moving Forward").ExecuteDeleteAsync();
        }

        var coverage = await (await factory.CreateClient().GetAsync("/v1/sources/kyrgyz-president-visits-tajikistan/coverage")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, coverage.GetProperty("uncovered").GetInt32());
        Assert.Equal(0.9773m, coverage.GetProperty("coverage").GetDecimal());
        var uncovered = coverage.GetProperty("sentences").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "uncovered");
        Assert.Equal("Moving Forward", uncovered.GetProperty("text").GetString());
        Assert.Equal(0, uncovered.GetProperty("records").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, uncovered.GetProperty("reasons").ValueKind);
    }
}
