using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Search;

public sealed class SearchBoundsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> SearchAsync(string q) => _client.GetAsync($"/v1/search?q={Uri.EscapeDataString(q)}");

    [Theory]
    [InlineData("a*", "'a*'")]
    [InlineData("japarov OR t*", "'t*'")]
    [InlineData("\"state v\"*", "'state v*'")]
    [InlineData("é*", "'é*'")]
    public async Task APrefixOfFewerThanTwoCharactersIsAProblemNamingIt(string q, string named)
    {
        var problem = await (await SearchAsync(q)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").GetProperty("q")[0].GetString();
        Assert.Contains("at least 2 letters or digits before '*'", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ta*")]
    [InlineData("\"state visit\"*")]
    public async Task APrefixOfTwoCharactersOrMoreIsSearched(string q)
    {
        var page = await (await SearchAsync(q)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SeventeenTermsAreAProblemAndSixteenAreSearched()
    {
        var sixteen = string.Join(" OR ", Enumerable.Repeat("japarov", 16));
        var page = await (await SearchAsync(sixteen)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(page.GetProperty("items").EnumerateArray());

        var problem = await (await SearchAsync(sixteen + " OR rahmon")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("17 terms; at most 16", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSweepingOrOfSingleLettersFromTheIssueIsRefused()
    {
        var problem = await (await SearchAsync("a* OR e* OR i* OR o* OR u*")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }
}
