using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Search;

public sealed class SearchTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<JsonElement>> SearchAsync(string q, string extra = "")
    {
        var page = await (await _client.GetAsync($"/v1/search?q={Uri.EscapeDataString(q)}{extra}")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static List<string?> Ids(List<JsonElement> hits) => [.. hits.Select(h => h.GetProperty("id").GetString())];

    [Fact]
    public async Task TheTopHitForJaparovIsThePerson()
    {
        var hits = await SearchAsync("japarov");

        var top = hits[0];
        Assert.Equal("sadyr-japarov", top.GetProperty("id").GetString());
        Assert.Equal("entity", top.GetProperty("type").GetString());
        Assert.Equal("person", top.GetProperty("kind").GetString());
        Assert.Equal("Sadyr Japarov", top.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, top.GetProperty("modality").ValueKind);
        Assert.Contains("<mark>Japarov</mark>", top.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.True(hits.Count > 10, $"japarov is in much of the article; found {hits.Count} hits");
        Assert.Equal(hits.Select(h => h.GetProperty("score").GetDouble()).OrderDescending(), hits.Select(h => h.GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task AFormerNameFindsItsEntityFirstWithTheQuoteThatSaysSo()
    {
        var top = (await SearchAsync("Jirgatal"))[0];

        Assert.Equal("lakhsh-district", top.GetProperty("id").GetString());
        Assert.Equal("place", top.GetProperty("kind").GetString());
        Assert.Contains("<mark>Jirgatal</mark>", top.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("Tajikistan’s Lakhsh (formerly Jirgatal) districts", top.GetProperty("evidence").GetProperty("exact").GetString());
    }

    [Fact]
    public async Task AQuotedPhraseFindsTheDiscussedFactWithItsEvidenceSpan()
    {
        var hits = await SearchAsync("\"free economic zones\"");

        var fact = Assert.Single(hits, h => h.GetProperty("id").GetString() == "talks-discussed-free-economic-zones");
        Assert.Equal("fact", fact.GetProperty("type").GetString());
        Assert.Equal("fact", fact.GetProperty("kind").GetString());
        Assert.Equal("discussed", fact.GetProperty("modality").GetString());
        // FTS5 marks a phrase as one span; PostgreSQL's ts_headline marks its words one by one (README, Search on PostgreSQL).
        Assert.Contains(
            Q7x2ApiFactory.OnPostgres ? "<mark>free</mark> <mark>economic</mark> <mark>zones</mark>" : "<mark>free economic zones</mark>",
            fact.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var evidence = fact.GetProperty("evidence");
        var text = await File.ReadAllTextAsync(Repository.ArticlePath);
        var exact = string.Concat(text.EnumerateRunes()
            .Skip(evidence.GetProperty("start").GetInt32())
            .Take(evidence.GetProperty("end").GetInt32() - evidence.GetProperty("start").GetInt32()));
        Assert.Equal(Repository.ArticleId, evidence.GetProperty("sourceId").GetString());
        Assert.Equal("Rahmon and Japarov also discussed the creation of free economic zones along the border", exact);
        Assert.Equal(exact, evidence.GetProperty("exact").GetString());
    }

    [Fact]
    public async Task APhraseMatchesOnlyWordsInThatOrder()
    {
        var phrase = Ids(await SearchAsync("\"zones free\""));
        var words = Ids(await SearchAsync("zones free"));

        Assert.Empty(phrase);
        Assert.Contains("talks-discussed-free-economic-zones", words);
    }

    [Fact]
    public async Task FifteenTimesFindsTheTradeFigures()
    {
        var top = (await SearchAsync("15 times"))[0];

        Assert.Equal("kyrgyz-tajik-trade-growth-2025-vs-2024", top.GetProperty("id").GetString());
        Assert.Equal("observation", top.GetProperty("type").GetString());
        Assert.Equal("stated", top.GetProperty("modality").GetString());
        Assert.Contains("<mark>15</mark> <mark>times</mark>", top.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("that is 15 times more than the meager $405,100", top.GetProperty("evidence").GetProperty("exact").GetString());
    }

    [Fact]
    public async Task MineralsFindsTheMiningFacts()
    {
        var hits = await SearchAsync("minerals");

        Assert.All(hits, h => Assert.Equal("fact", h.GetProperty("type").GetString()));
        Assert.Contains("japarov-proposed-joint-mining-development", Ids(hits));
        Assert.Contains("kyrgyzstan-critical-mineral-deposits", Ids(hits));
        Assert.Contains("tajikistan-critical-mineral-deposits", Ids(hits));
    }

    [Fact]
    public async Task APrefixMatchesTajikistanAndTajik()
    {
        var hits = await SearchAsync("tajik*", "&limit=100");

        Assert.Equal("tajikistan", hits[0].GetProperty("id").GetString());
        var snippets = string.Join('\n', hits.Select(h => h.GetProperty("snippet").GetString()));
        Assert.Contains("<mark>Tajikistan</mark>", snippets, StringComparison.Ordinal);
        Assert.Contains("<mark>Tajik</mark>", snippets, StringComparison.Ordinal);
        Assert.Empty(await SearchAsync("tajikx*"));
    }

    [Fact]
    public async Task PlainWordsMustAllMatch()
    {
        var ids = Ids(await SearchAsync("trade 2024"));

        Assert.Contains("kyrgyz-tajik-trade-jan-may-2024", ids);
        Assert.Contains("kyrgyz-tajik-trade-growth-2025-vs-2024", ids);
        Assert.DoesNotContain("kyrgyz-tajik-trade-jan-may-2025", ids);
    }

    [Fact]
    public async Task OrMatchesEitherTerm()
    {
        var ids = Ids(await SearchAsync("Jirgatal OR Khujand"));

        Assert.Contains("lakhsh-district", ids);
        Assert.Contains("khujand", ids);
        Assert.Empty(await SearchAsync("Jirgatal Khujand"));
    }

    [Fact]
    public async Task CaseAndDiacriticsAreIgnored()
    {
        Assert.Equal("lakhsh-district", (await SearchAsync("JÏRGATÁL"))[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("organization")]
    [InlineData("fact")]
    [InlineData("observation")]
    public async Task KindFiltersTheHits(string kind)
    {
        var hits = await SearchAsync("tajik*", $"&kind={kind}&limit=100");

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(kind, h.GetProperty("kind").GetString()));
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "%22", "NEAR(", "NEAR%28japarov%20visit%29", "*", "a%20AND", "%28%29", "%27%3B%20DROP%20TABLE%20Entities%3B--",
        new string('a', 5000), "%F0%9F%98%80", "japarov%20%F0%9F%98%80", "%00", "japarov%00visit", "%ED%A0%80", "%FF%FE",
        "col%3Ajaparov", "%5Ejaparov", "japarov%20NEAR%2F2%20visit", "%22%22%20OR%20%22%22", "OR%20OR%20OR", "%7Bname%7D%3A%20x",
        "-japarov", "%2Bjaparov", "japarov*%22", "%01%02%03", "a%2A%2A%2Ab",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task NoQueryTextGivesAServerError(string encodedQ)
    {
        var response = await _client.GetAsync($"/v1/search?q={encodedQ}");

        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        }
        else
        {
            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _), problem.ToString());
        }
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("?q=", "is required")]
    [InlineData("?q=%20%20", "is required")]
    [InlineData("?q=%28%29", "nothing to search for")]
    [InlineData("?q=%F0%9F%98%80", "nothing to search for")]
    [InlineData("?q=%00", "nothing to search for")]
    public async Task AnEmptyQueryIsAProblemNamingQ(string query, string reason)
    {
        var problem = await (await _client.GetAsync($"/v1/search{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryOver200CharactersIsAProblemNamingQ()
    {
        var longest = string.Join(' ', Enumerable.Repeat("japarov", 16)).PadRight(200); // 16 terms: the most a query may have
        Assert.Equal(200, longest.Length);

        Assert.NotEmpty(await SearchAsync(longest));
        var problem = await (await _client.GetAsync($"/v1/search?q={Uri.EscapeDataString(longest + "a")}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at most 200", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=planet", "kind")]
    [InlineData("kind=", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=score", "sort")]
    public async Task ABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/search?q=japarov&{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task FollowingNextWalksEveryHitOnceInRankOrder()
    {
        var first = await (await _client.GetAsync("/v1/search?q=japarov&limit=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("next").ValueKind);
        var all = Ids([.. first.GetProperty("items").EnumerateArray()]);
        var walked = new List<string?>();
        var url = "/v1/search?q=japarov&limit=7";
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            walked.AddRange(Ids([.. page.GetProperty("items").EnumerateArray()]));
            var next = page.GetProperty("next").GetString();
            Assert.Equal(next is not null, response.Headers.Contains("Link"));
            url = next is null ? null : $"/v1/search?q=japarov&limit=7&cursor={next}";
        }

        Assert.True(all.Count > 14, $"expected several pages, found {all.Count} hits");
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task ACursorCannotContinueAnotherSearch()
    {
        var page = await (await _client.GetAsync("/v1/search?q=tajik*&limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var next = page.GetProperty("next").GetString();

        var problem = await (await _client.GetAsync($"/v1/search?q=japarov&limit=2&cursor={next}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("another 'q' or 'kind'", problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEntityFactAndObservationIsIndexedOnce()
    {
        await using var db = factory.CreateDb();
        var records = db.Entities.Count() + db.Facts.Count() + db.Observations.Count();

        // The index is a table on either engine (FTS5's virtual table, or PostgreSQL's with its tsvector); one row per record.
        var indexed = await db.Database.SqlQuery<int>($"SELECT CAST(count(DISTINCT \"Id\") AS integer) AS \"Value\" FROM \"SearchIndex\"").SingleAsync();
        var rows = await db.Database.SqlQuery<int>($"SELECT CAST(count(*) AS integer) AS \"Value\" FROM \"SearchIndex\"").SingleAsync();

        Assert.Equal(records, indexed);
        Assert.Equal(records, rows);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesSearchWithExamplesAndProblems()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        foreach (var (path, parameter) in new[] { ("/v1/search", "q"), ("/v1/search/suggest", "prefix") })
        {
            var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("operationId").GetString()), path);
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), path);
            Assert.Contains("diacritics", get.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal("Search", get.GetProperty("tags")[0].GetString());
            var named = Assert.Single(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == parameter);
            Assert.NotEmpty(named.GetProperty("examples").EnumerateObject());
            var responses = get.GetProperty("responses");
            Assert.NotEmpty(responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject());
            Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), path);
        }
    }
}
