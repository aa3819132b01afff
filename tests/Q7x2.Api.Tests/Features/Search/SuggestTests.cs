using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Search;

public sealed class SuggestTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> SuggestAsync(string prefix, string extra = "")
    {
        var list = await (await _client.GetAsync($"/v1/search/suggest?prefix={Uri.EscapeDataString(prefix)}{extra}")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. list.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task TheStartOfAFormerNameSuggestsItsEntityAndSaysWhichNameMatched()
    {
        var suggestion = Assert.Single(await SuggestAsync("jir"));

        Assert.Equal("lakhsh-district", suggestion.GetProperty("id").GetString());
        Assert.Equal("place", suggestion.GetProperty("kind").GetString());
        Assert.Equal("Lakhsh district", suggestion.GetProperty("name").GetString());
        Assert.Equal("Jirgatal", suggestion.GetProperty("matched").GetString());
    }

    [Fact]
    public async Task ThePersonComesFirstForTheStartOfHisSurname()
    {
        var suggestions = await SuggestAsync("jap");

        Assert.Equal("sadyr-japarov", suggestions[0].GetProperty("id").GetString());
        Assert.Equal("Japarov", suggestions[0].GetProperty("matched").GetString());
        Assert.True(suggestions.Count > 1);
        Assert.All(suggestions, s => Assert.Contains("Japarov", s.GetProperty("matched").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePrefixRunsOverWordsOfTheName()
    {
        var suggestion = Assert.Single(await SuggestAsync("SADYR J"));

        Assert.Equal("sadyr-japarov", suggestion.GetProperty("id").GetString());
        Assert.Equal("Sadyr Japarov", suggestion.GetProperty("matched").GetString());
        Assert.Empty(await SuggestAsync("japarov sadyr"));
    }

    [Fact]
    public async Task ANameThatStartsWithThePrefixComesBeforeOneWithALaterWord()
    {
        var ids = (await SuggestAsync("dushanbe")).Select(s => s.GetProperty("id").GetString()).ToList();

        Assert.Equal(["dushanbe", "dushanbe-airport"], ids.Take(2));
        Assert.Contains("japarov-rahmon-talks-2025", ids);
    }

    [Fact]
    public async Task KindAndLimitNarrowTheSuggestions()
    {
        var all = await SuggestAsync("taj", "&limit=20");
        var organizations = await SuggestAsync("taj", "&kind=organization&limit=2");
        var byDefault = await SuggestAsync("t");

        Assert.True(all.Count > 2);
        Assert.Equal(2, organizations.Count);
        Assert.All(organizations, s => Assert.Equal("organization", s.GetProperty("kind").GetString()));
        Assert.Equal(10, byDefault.Count);
    }

    [Theory]
    [InlineData("", "prefix")]
    [InlineData("prefix=", "prefix")]
    [InlineData("prefix=%20", "prefix")]
    [InlineData("prefix=%28%29", "prefix")]
    [InlineData("prefix=%00", "prefix")]
    [InlineData("prefix=ja&limit=21", "limit")]
    [InlineData("prefix=ja&limit=0", "limit")]
    [InlineData("prefix=ja&kind=fact", "kind")]
    [InlineData("prefix=ja&q=ja", "q")]
    public async Task ABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/search/suggest?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task APrefixOver100CharactersIsAProblem()
    {
        Assert.Empty(await SuggestAsync(new string('j', 100)));
        var problem = await (await _client.GetAsync($"/v1/search/suggest?prefix={new string('j', 101)}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("at most 100", problem.GetProperty("errors").GetProperty("prefix")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%22")]
    [InlineData("NEAR(")]
    [InlineData("ja*")]
    [InlineData("%22ja%22%20OR%20x")]
    [InlineData("%7BName%7D%3Aja")]
    [InlineData("%27%3B%20DROP%20TABLE%20Entities%3B--")]
    [InlineData("%F0%9F%98%80ja")]
    [InlineData("ja%00")]
    public async Task NoPrefixGivesAServerError(string encodedPrefix)
    {
        var response = await _client.GetAsync($"/v1/search/suggest?prefix={encodedPrefix}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(JsonValueKind.Array, (await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").ValueKind);
        }
        else
        {
            await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        }
    }
}
