using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Search;

namespace Q7x2.Api.Tests.Features.Search;

/// <summary>
/// Search on PostgreSQL (<see cref="PostgresSearchIndex"/>) over the records of <see cref="SearchProbeData"/>, and the same probes
/// on SQLite (<see cref="SqliteSearchIndex"/>) over the same records: both engines give the same top hit.
/// </summary>
// Picks its engines itself: the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class PostgresSearchIndexTests(SearchProbeData data) : IClassFixture<SearchProbeData>
{
    private static readonly PostgresSearchIndex Postgres = new();

    private async Task<IReadOnlyList<SearchHit>> SearchAsync(string q, string? kind = null, SearchAfter? after = null, int take = 100)
    {
        PostgresServer.RequireAdmin();
        await using var db = data.CreatePostgresDb();
        return await Postgres.SearchAsync(db, SearchQuery.Parse(q), kind, after, take, CancellationToken.None);
    }

    private static List<string> Ids(IEnumerable<SearchHit> hits) => [.. hits.Select(h => h.Id)];

    private static string Marked(string words) => SearchMarks.Open + words + SearchMarks.Close;

    [SkippableFact]
    public async Task ANameFindsItsEntityFirstBeforeTheRecordsThatMentionIt()
    {
        var hits = await SearchAsync("japarov");

        var top = hits[0];
        Assert.Equal(("entity", "sadyr-japarov", "person", "Sadyr Japarov", (string?)null), (top.Type, top.Id, top.Kind, top.Name, top.Modality));
        Assert.Contains(Marked("Japarov"), top.Snippet, StringComparison.Ordinal);
        Assert.Equal(["japarov-president-of-kyrgyzstan", "sadyr-japarov", "talks-discussed-free-economic-zones"], Ids(hits).Order(StringComparer.Ordinal));
        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
    }

    [SkippableFact]
    public async Task APrefixMatchesTheLongerWords()
    {
        var hits = await SearchAsync("tajik*");

        Assert.Equal("tajikistan", hits[0].Id);
        Assert.Contains("kyrgyz-tajik-trade-growth", Ids(hits));
        Assert.Contains("rahmon-president-of-tajikistan", Ids(hits));
        var snippets = string.Join('\n', hits.Select(h => h.Snippet));
        Assert.Contains(Marked("Tajikistan"), snippets, StringComparison.Ordinal);
        Assert.Contains(Marked("Tajik"), snippets, StringComparison.Ordinal);
        Assert.Empty(await SearchAsync("tajikx*"));
    }

    [SkippableFact]
    public async Task AQuotedPhraseMatchesOnlyItsWordsInOrderAndGivesTheQuoteThatHoldsIt()
    {
        var hits = await SearchAsync("\"free economic zones\"");

        var fact = Assert.Single(hits);
        Assert.Equal(("fact", "talks-discussed-free-economic-zones", "fact", "discussed"), (fact.Type, fact.Id, fact.Kind, fact.Modality));
        Assert.Equal("Sadyr Japarov – discussed – economic cooperation in the border areas", fact.Name);
        Assert.Contains(Marked("free") + " " + Marked("economic") + " " + Marked("zones"), fact.Snippet, StringComparison.Ordinal);
        var evidence = Assert.IsType<SearchEvidence>(fact.Evidence);
        Assert.Equal(SearchProbeData.SourceId, evidence.SourceId);
        Assert.Equal(evidence.Exact, SearchProbeData.Text[evidence.Start..evidence.End]);
        Assert.Equal("Rahmon and Japarov also discussed the creation of free economic zones along the border", evidence.Exact);
        Assert.Empty(await SearchAsync("\"zones free\""));
        Assert.Contains("talks-discussed-free-economic-zones", Ids(await SearchAsync("zones free")));
    }

    [SkippableFact]
    public async Task AFormerNameFindsItsEntityWithTheQuoteThatSaysSoWhateverTheCaseAndDiacritics()
    {
        foreach (var q in new[] { "Jirgatal", "JÏRGATÁL" })
        {
            var top = (await SearchAsync(q))[0];

            Assert.Equal("lakhsh-district", top.Id);
            Assert.Contains(Marked("Jirgatal"), top.Snippet, StringComparison.Ordinal);
            var evidence = Assert.IsType<SearchEvidence>(top.Evidence);
            Assert.Equal("Tajikistan’s Lakhsh (formerly Jirgatal) districts", evidence.Exact);
            Assert.Equal(evidence.Exact, SearchProbeData.Text[evidence.Start..evidence.End]);
        }
    }

    [SkippableFact]
    public async Task OrMatchesEitherTermAndPlainWordsMustAllMatch()
    {
        Assert.Equal(["lakhsh-district", "sadyr-japarov"], Ids(await SearchAsync("Jirgatal OR Dushanbe")).Order(StringComparer.Ordinal));
        Assert.Empty(await SearchAsync("Jirgatal Dushanbe"));
        Assert.Equal("kyrgyz-tajik-trade-growth", (await SearchAsync("15 times"))[0].Id);
    }

    [SkippableFact]
    public async Task KindFiltersTheHits()
    {
        foreach (var kind in new[] { "country", "fact", "observation" })
        {
            var hits = await SearchAsync("tajik*", kind);

            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(kind, h.Kind));
        }
    }

    [SkippableFact]
    public async Task EachPageContinuesThePreviousOneWithoutOverlap()
    {
        var all = await SearchAsync("tajik* OR japarov");
        Assert.True(all.Count >= 5, $"{all.Count} hits");

        var walked = new List<SearchHit>();
        for (var page = await SearchAsync("tajik* OR japarov", take: 2); page.Count > 0;
            page = await SearchAsync("tajik* OR japarov", after: new SearchAfter(walked[^1].Score, walked[^1].Id), take: 2))
        {
            walked.AddRange(page);
        }

        Assert.Equal(Ids(all), Ids(walked));
    }

    [SkippableFact]
    public async Task ThePrefixSuggestsTheEntityWithTheNameOrAliasThatMatched()
    {
        PostgresServer.RequireAdmin();
        await using var db = data.CreatePostgresDb();

        var jap = await Postgres.SuggestAsync(db, "jap", null, 10, CancellationToken.None);
        var sadyr = await Postgres.SuggestAsync(db, "sadyr ja", null, 10, CancellationToken.None);
        var tajik = await Postgres.SuggestAsync(db, "TAJ", null, 10, CancellationToken.None);

        Assert.Equal([new Suggestion("sadyr-japarov", "person", "Sadyr Japarov", "Japarov")], jap);
        Assert.Equal([new Suggestion("sadyr-japarov", "person", "Sadyr Japarov", "Sadyr Japarov")], sadyr);
        Assert.Equal([new Suggestion("tajikistan", "country", "Tajikistan", "Tajikistan")], tajik);
        Assert.Empty(await Postgres.SuggestAsync(db, "taj", "person", 10, CancellationToken.None));
        Assert.Empty(await Postgres.SuggestAsync(db, "…", null, 10, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(SearchTests.HostileQueries), MemberType = typeof(SearchTests))]
    public async Task NoQueryOrPrefixTextFails(string encoded)
    {
        var text = Uri.UnescapeDataString(encoded);
        PostgresServer.RequireAdmin();
        await using var db = data.CreatePostgresDb();

        var hits = await Postgres.SearchAsync(db, SearchQuery.Parse(text), null, null, 100, CancellationToken.None);
        var suggestions = await Postgres.SuggestAsync(db, text, null, 10, CancellationToken.None);

        Assert.Equal(hits.Count, hits.DistinctBy(h => h.Id).Count());
        Assert.Equal(suggestions.Count, suggestions.DistinctBy(s => s.Id).Count());
    }

    [SkippableTheory]
    [InlineData("japarov")]
    [InlineData("Jirgatal")]
    [InlineData("jirgatal OR khujand")]
    [InlineData("\"free economic zones\"")]
    [InlineData("tajik*")]
    [InlineData("kyrgyz*")]
    [InlineData("15 times")]
    [InlineData("president")]
    [InlineData("trade")]
    public async Task BothEnginesGiveTheSameTopHit(string q)
    {
        var postgres = await SearchAsync(q);
        await using var sqlite = data.CreateSqliteDb();
        var expected = await new SqliteSearchIndex().SearchAsync(sqlite, SearchQuery.Parse(q), null, null, 100, CancellationToken.None);

        Assert.NotEmpty(expected);
        Assert.Equal(expected[0].Id, postgres[0].Id);
        Assert.Equal(Ids(expected).Order(StringComparer.Ordinal), Ids(postgres).Order(StringComparer.Ordinal));
        Assert.Equal(expected[0].Evidence, postgres[0].Evidence);
    }

    [SkippableFact]
    public async Task BothEnginesSuggestTheSame()
    {
        PostgresServer.RequireAdmin();
        await using var postgres = data.CreatePostgresDb();
        await using var sqlite = data.CreateSqliteDb();

        foreach (var prefix in new[] { "jap", "sadyr j", "taj", "kyrgyz r", "jirg" })
        {
            Assert.Equal(
                await new SqliteSearchIndex().SuggestAsync(sqlite, prefix, null, 10, CancellationToken.None),
                await Postgres.SuggestAsync(postgres, prefix, null, 10, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task ARefreshAfterARenameUpdatesTheEntityAndTheRecordsThatShowItsName()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = database.CreateDb();
        await SearchProbeData.FillAsync(db, Postgres);

        var person = await db.Entities.SingleAsync(e => e.Id == "sadyr-japarov");
        person.Name = "Sadyr Zhaparov";
        await db.SaveChangesAsync();
        await Postgres.RefreshAsync(db, ["sadyr-japarov"], CancellationToken.None);

        var hits = await Postgres.SearchAsync(db, SearchQuery.Parse("zhaparov"), null, null, 100, CancellationToken.None);
        Assert.Equal(("sadyr-japarov", "Sadyr Zhaparov"), (hits[0].Id, hits[0].Name));
        var fact = Assert.Single(hits, h => h.Id == "japarov-president-of-kyrgyzstan");
        Assert.Equal("Sadyr Zhaparov – president of – Kyrgyzstan", fact.Name);
        var stale = await Postgres.SearchAsync(db, SearchQuery.Parse("\"sadyr japarov\""), null, null, 100, CancellationToken.None);
        Assert.Equal(["sadyr-japarov"], Ids(stale)); // only its evidence quote still says so
        Assert.Equal(
            [new Suggestion("sadyr-japarov", "person", "Sadyr Zhaparov", "Sadyr Zhaparov")],
            await Postgres.SuggestAsync(db, "zhap", null, 10, CancellationToken.None));
        Assert.Equal(9L, await db.Database.SqlQuery<long>($"""SELECT count(*) AS "Value" FROM "SearchIndex" """).SingleAsync());
    }
}
