using System.Net;
using System.Security.Cryptography;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Sources;

public sealed class SourcesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListingSourcesReturnsTheArticleWithItsHashAndLength()
    {
        var page = await (await _client.GetAsync("/v1/sources")).ReadJsonAsync(HttpStatusCode.OK);

        var source = Assert.Single(page.GetProperty("items").EnumerateArray());
        var bytes = await File.ReadAllBytesAsync(Repository.ArticlePath);
        Assert.Equal(Repository.ArticleId, source.GetProperty("id").GetString());
        Assert.Equal("Kyrgyz President Visits Tajikistan, Opening New Era of Friendship", source.GetProperty("title").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.GetProperty("sha256").GetString());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes).EnumerateRunes().Count(), source.GetProperty("charCount").GetInt32());
        Assert.Equal("month", source.GetProperty("published").GetProperty("precision").GetString());
        Assert.False(source.TryGetProperty("text", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task GettingASourceReturnsItsTextByteForByte()
    {
        var source = await (await _client.GetAsync($"/v1/sources/{Repository.ArticleId}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(await File.ReadAllTextAsync(Repository.ArticlePath), source.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TheSeededArticleIsTheSharedSourceByteForByte()
    {
        // SHA-256 of ../shared/sources/kyrgyz-president-visits-tajikistan.txt, the article as delivered.
        const string delivered = "faf11ff7c69de18a594c8b3fdb05623622f8d04bf742b9f29fc306eb3b62941c";

        Assert.Equal(delivered, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Repository.ArticlePath))));
    }

    [Fact]
    public async Task GettingAnUnknownSourceReturnsNotFoundProblem()
    {
        var problem = await (await _client.GetAsync("/v1/sources/no-such-source")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("no-such-source", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=publisher", "sort")]
    public async Task ListingSourcesWithABadParameterReturnsProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/sources?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ListingSourcesWithANonNumericLimitReturnsProblemNamingIt()
    {
        var problem = await (await _client.GetAsync("/v1/sources?limit=abc")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Limit", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
