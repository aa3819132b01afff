using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Sources;

/// <summary>
/// <c>GET /v1/sources/{id}/annotations</c>: the source's evidence spans as a W3C Web Annotation collection, checked against
/// the source's text and its evidence list, each body a detail the API serves.
/// </summary>
public sealed class SourceAnnotationTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Annotations = $"/v1/sources/{Repository.ArticleId}/annotations";

    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The collection and every annotation, following each page's <c>next</c> and checking where each page starts.</summary>
    private async Task<(JsonElement Collection, List<JsonElement> Items)> WalkAsync(int limit)
    {
        var response = await _client.GetAsync($"{Annotations}?limit={limit}");
        var collection = await response.ReadJsonAsync(HttpStatusCode.OK, "application/ld+json");
        var items = new List<JsonElement>();
        for (var page = collection.GetProperty("first"); ; )
        {
            Assert.Equal("AnnotationPage", page.GetProperty("type").GetString());
            Assert.Equal(collection.GetProperty("id").GetString(), page.GetProperty("partOf").GetString());
            Assert.Equal(items.Count, page.GetProperty("startIndex").GetInt32());
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(pageItems.Count, 1, limit);
            items.AddRange(pageItems);
            if (page.GetProperty("next").GetString() is not { } next)
            {
                break;
            }

            Assert.Equal(limit, pageItems.Count);
            page = await (await _client.GetAsync(new Uri(next).PathAndQuery)).ReadJsonAsync(HttpStatusCode.OK, "application/ld+json");
            Assert.Equal("http://www.w3.org/ns/anno.jsonld", page.GetProperty("@context").GetString());
            Assert.True(items.Count < 10_000, "the pages do not end");
        }

        return (collection, items);
    }

    private static JsonElement Selector(JsonElement annotation, string type) =>
        annotation.GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);

    [Fact]
    public async Task ACollectionOfOneAnnotationPerEvidenceSpanInTextOrder()
    {
        var response = await _client.GetAsync(Annotations);
        var collection = await response.ReadJsonAsync(HttpStatusCode.OK, "application/ld+json");

        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "profile" && p.Value == "\"http://www.w3.org/ns/anno.jsonld\"");
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", collection.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", collection.GetProperty("type").GetString());
        Assert.Equal(new Uri(_client.BaseAddress!, Annotations).AbsoluteUri, collection.GetProperty("id").GetString());
        Assert.Equal(20, collection.GetProperty("first").GetProperty("items").GetArrayLength());
        Assert.False(collection.GetProperty("first").TryGetProperty("@context", out _));

        var (walked, items) = await WalkAsync(limit: 7);
        var evidence = await _client.WalkAsync($"/v1/sources/{Repository.ArticleId}/evidence?limit=100");
        Assert.Equal(evidence.Count, walked.GetProperty("total").GetInt32());
        Assert.Equal(
            evidence.Select(v => (v.GetProperty("start").GetInt32(), v.GetProperty("end").GetInt32(), v.GetProperty("owner").GetProperty("id").GetString()!)),
            items.Select(a => (Selector(a, "TextPositionSelector").GetProperty("start").GetInt32(), Selector(a, "TextPositionSelector").GetProperty("end").GetInt32(),
                a.GetProperty("body").GetProperty("id").GetString()!.Split('/')[^1])));
        Assert.Equal(items.Count, items.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(items, a => Assert.StartsWith(walked.GetProperty("id").GetString() + "#", a.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Equal(items.Select(a => a.GetProperty("id").GetString()), (await WalkAsync(limit: 100)).Items.Select(a => a.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/annotations?limit=0")]
    [InlineData("/annotations?limit=101")]
    [InlineData("/annotations?cursor=abc")]
    [InlineData("/annotations/pages?limit=0")]
    [InlineData("/annotations/pages?cursor=not-a-cursor")]
    public async Task BadPagingIsA400Problem(string path) =>
        await (await _client.GetAsync($"/v1/sources/{Repository.ArticleId}{path}")).ReadProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task ACursorOfAnotherListIsA400Problem()
    {
        var facts = await (await _client.GetAsync("/v1/facts?limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        var cursor = facts.GetProperty("next").GetString()!;

        var problem = await (await _client.GetAsync($"{Annotations}/pages?cursor={cursor}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("another list", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachTargetSelectsItsQuoteInTheSourceTextByWordsAndByCodePoints()
    {
        var source = await (await _client.GetAsync($"/v1/sources/{Repository.ArticleId}")).ReadJsonAsync(HttpStatusCode.OK);
        var text = source.GetProperty("text").GetString()!.EnumerateRunes().ToList();
        var (_, items) = await WalkAsync(limit: 100);

        Assert.Contains(items, a => Selector(a, "TextQuoteSelector").GetProperty("exact").GetString()!.Any(c => c > 127));
        foreach (var annotation in items)
        {
            Assert.Equal("Annotation", annotation.GetProperty("type").GetString());
            Assert.Equal("linking", annotation.GetProperty("motivation").GetString());
            Assert.Equal(new Uri(_client.BaseAddress!, $"/v1/sources/{Repository.ArticleId}").AbsoluteUri, annotation.GetProperty("target").GetProperty("source").GetString());
            var quote = Selector(annotation, "TextQuoteSelector");
            var position = Selector(annotation, "TextPositionSelector");
            var (start, end) = (position.GetProperty("start").GetInt32(), position.GetProperty("end").GetInt32());
            Assert.Equal(quote.GetProperty("exact").GetString(), string.Concat(text[start..end]));
            Assert.EndsWith(quote.GetProperty("prefix").GetString()!, string.Concat(text[..start]), StringComparison.Ordinal);
            Assert.StartsWith(quote.GetProperty("suffix").GetString()!, string.Concat(text[end..]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachBodyIsTheDetailOfTheRecordItsQuoteSupports()
    {
        var (_, items) = await WalkAsync(limit: 100);

        var bodies = items.Select(a => a.GetProperty("body")).DistinctBy(b => b.GetProperty("id").GetString()).ToList();
        Assert.Equal(["entities", "facts", "observations"], bodies.Select(b => new Uri(b.GetProperty("id").GetString()!).Segments[2].TrimEnd('/')).Distinct().Order());
        foreach (var body in bodies)
        {
            Assert.Equal("Dataset", body.GetProperty("type").GetString());
            var detail = await (await _client.GetAsync(new Uri(body.GetProperty("id").GetString()!).PathAndQuery)).ReadJsonAsync(HttpStatusCode.OK);
            var quoted = items.Where(a => a.GetProperty("body").GetProperty("id").GetString() == body.GetProperty("id").GetString())
                .Select(a => Selector(a, "TextQuoteSelector").GetProperty("exact").GetString()).ToList();
            Assert.All(quoted, q => Assert.Contains(q, detail.GetProperty("evidence").EnumerateArray().Select(v => v.GetProperty("exact").GetString())));
        }
    }

    [Fact]
    public async Task AnUnknownSourceIsA404Problem()
    {
        foreach (var path in new[] { "/v1/sources/no-such-source/annotations", "/v1/sources/no-such-source/annotations/pages" })
        {
            var problem = await (await _client.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains("no-such-source", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
