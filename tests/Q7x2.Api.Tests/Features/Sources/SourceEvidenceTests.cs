using System.Net;
using System.Text;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Sources;

public sealed class SourceEvidenceTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] EntityFiles = ["people", "countries", "places", "organizations", "events", "agreements", "border-crossings"];

    /// <summary>Every evidence item of every record in the seed files: each is one span of the article.</summary>
    private static readonly int SeededEvidence = EvidenceIn([.. EntityFiles, "facts", "observations"]);

    /// <summary>How many evidence items the records of these seed files (names without <c>.json</c>) hold.</summary>
    private static int EvidenceIn(params string[] files) => files
        .Select(file => JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Seed, file + ".json"))).RootElement)
        .SelectMany(root => root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).SelectMany(p => p.Value.EnumerateArray()))
        .Sum(record => record.TryGetProperty("evidence", out var evidence) ? evidence.GetArrayLength() : 0);
    private const string Evidence = $"/v1/sources/{Repository.ArticleId}/evidence";

    private readonly HttpClient _client = factory.CreateClient();

    private static string Slice(List<Rune> text, int start, int end) => string.Concat(text[start..end]);

    private static (int Start, int End, string Exact) Span(JsonElement v) =>
        (v.GetProperty("start").GetInt32(), v.GetProperty("end").GetInt32(), v.GetProperty("exact").GetString()!);

    [Fact]
    public async Task EverySpanQuotesTheSourceTextInCodePointsInTextOrder()
    {
        var source = await (await _client.GetAsync($"/v1/sources/{Repository.ArticleId}")).ReadJsonAsync(HttpStatusCode.OK);
        var text = source.GetProperty("text").GetString()!.EnumerateRunes().ToList();

        var spans = await _client.WalkAsync($"{Evidence}?limit=100");

        Assert.Equal(SeededEvidence, spans.Count);
        Assert.Contains(spans, v => !Ascii(v.GetProperty("exact").GetString()!));
        foreach (var v in spans)
        {
            var (start, end, exact) = Span(v);
            Assert.Equal(exact, Slice(text, start, end));
            Assert.EndsWith(v.GetProperty("prefix").GetString()!, Slice(text, 0, start), StringComparison.Ordinal);
            Assert.StartsWith(v.GetProperty("suffix").GetString()!, Slice(text, end, text.Count), StringComparison.Ordinal);
            Assert.Equal(Repository.ArticleId, v.GetProperty("sourceId").GetString());
        }

        var starts = spans.Select(v => v.GetProperty("start").GetInt32()).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task EverySpanNamesItsOwner()
    {
        var page = await (await _client.GetAsync($"{Evidence}?limit=100&count=true")).ReadJsonAsync(HttpStatusCode.OK);
        var spans = await _client.WalkAsync($"{Evidence}?limit=100");

        Assert.Equal(SeededEvidence, page.GetProperty("total").GetInt32());
        var owners = spans.Select(v => v.GetProperty("owner")).ToList();
        Assert.Equal(EvidenceIn(EntityFiles), owners.Count(o => o.GetProperty("type").GetString() == "entity"));
        Assert.Equal(EvidenceIn("facts"), owners.Count(o => o.GetProperty("type").GetString() == "fact"));
        Assert.Equal(EvidenceIn("observations"), owners.Count(o => o.GetProperty("type").GetString() == "observation"));
        var rahmon = spans.Where(v => v.GetProperty("exact").GetString() == "Tajik President Emomali Rahmon")
            .Select(v => v.GetProperty("owner")).Select(o => (o.GetProperty("type").GetString(), o.GetProperty("id").GetString(), o.GetProperty("name").GetString()));
        Assert.Equal(
            [("entity", "emomali-rahmon", "Emomali Rahmon"), ("entity", "tajikistan", "Tajikistan"),
             ("fact", "rahmon-president-of-tajikistan", "rahmon-president-of-tajikistan"), ("fact", "rustam-emomali-son-of-rahmon", "rustam-emomali-son-of-rahmon")],
            rahmon.Order());
        var claim = spans.Single(v => v.GetProperty("exact").GetString() == "that is 15 times more than the meager $405,100").GetProperty("owner");
        Assert.Equal(("observation", "kyrgyz-tajik-trade-growth-2025-vs-2024", "trade-growth-multiple"),
            (claim.GetProperty("type").GetString(), claim.GetProperty("id").GetString(), claim.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task WalkingSpansOneByOneVisitsEachOnceInTheSameOrder()
    {
        var pages = await _client.WalkAsync($"{Evidence}?limit=100");

        var walked = await _client.WalkAsync($"{Evidence}?limit=1");

        Assert.Equal(pages.Select(v => v.GetRawText()), walked.Select(v => v.GetRawText()));
    }

    [Fact]
    public async Task ListingTheSpansOfAnUnknownSourceIsANotFoundProblem()
    {
        var problem = await (await _client.GetAsync("/v1/sources/no-such-source/evidence")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("'no-such-source'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=-start", "sort")]
    [InlineData("owner=fact", "owner")]
    public async Task ListingSpansWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"{Evidence}?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ACursorFromAnotherListIsRejected()
    {
        var facts = await (await _client.GetAsync("/v1/facts?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        var response = await _client.GetAsync($"{Evidence}?cursor={facts.GetProperty("next").GetString()}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private static bool Ascii(string s) => s.All(char.IsAscii);
}
