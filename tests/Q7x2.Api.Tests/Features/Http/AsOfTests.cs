using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary><c>asOf=</c> on every list and detail of records, and the <c>Dataset-Version</c> of every read.</summary>
// SQLite only: the history that asOf reads is SQLite's (triggers and temp views); on PostgreSQL asOf is a 400 (EnginesAgreeTests).
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class AsOfTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EveryOperationThatDocumentsAsOfAnswersTheLatestPositionExactlyAsItAnswersWithoutIt()
    {
        var latest = await LatestAsync();
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(q => q.GetProperty("name").GetString() == "asOf"))
            .Select(p => p.Name).ToList();
        var csv = document.GetProperty("paths").EnumerateObject()
            .Where(p => paths.Contains(p.Name) && p.Value.GetProperty("get").GetProperty("parameters").EnumerateArray().Any(q => q.GetProperty("name").GetString() == "format"))
            .Select(p => p.Name).ToList();

        // Every list and detail of records (the 31 that select fields, a source's coverage and annotations, an entity's graph); not
        // search, suggest, the change feed, a record's revisions, the dump or the citation.
        Assert.Equal(35, paths.Count);
        Assert.DoesNotContain(paths, p => p.StartsWith("/v1/search", StringComparison.Ordinal) || p.StartsWith("/v1/changes", StringComparison.Ordinal)
            || p.EndsWith("/revisions", StringComparison.Ordinal) || p is "/v1/export" or "/v1/citation");
        foreach (var path in paths)
        {
            var url = path.Replace("{id}", SampleIds.For(path), StringComparison.Ordinal)
                + (path.EndsWith("/backlinks", StringComparison.Ordinal) ? "?relation=participant&kind=event" : "");
            var now = await _client.GetAsync(url);
            var then = await _client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"asOf={latest}");

            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
            Assert.Equal(HttpStatusCode.OK, then.StatusCode);
            Assert.Equal(await now.Content.ReadAsStringAsync(), await then.Content.ReadAsStringAsync());
        }

        // A CSV export reads its pages in one transaction: the history's views are made inside it.
        Assert.NotEmpty(csv);
        foreach (var path in csv)
        {
            var url = path.Replace("{id}", SampleIds.For(path), StringComparison.Ordinal)
                + (path.EndsWith("/backlinks", StringComparison.Ordinal) ? "?relation=participant&kind=event&" : "?") + "format=csv";
            var now = await _client.GetAsync(url);
            var then = await _client.GetAsync(url + $"&asOf={latest}");

            Assert.Equal(HttpStatusCode.OK, now.StatusCode);
            Assert.Equal(HttpStatusCode.OK, then.StatusCode);
            Assert.Equal(await now.Content.ReadAsStringAsync(), await then.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task AChangedRecordReadsAsItWasBeforeItsWriteAndAsItIsFromItsPosition()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var before = await LatestAsync();
        var original = await (await _client.GetAsync("/v1/people/emomali-rahmon")).ReadJsonAsync(HttpStatusCode.OK);
        await (await curator.PatchAsync("/v1/people/emomali-rahmon", """{ "description": "Rewritten for the as-of test." }""")).ReadJsonAsync(HttpStatusCode.OK);
        var after = await LatestAsync();

        var old = await (await _client.GetAsync($"/v1/people/emomali-rahmon?asOf={before}")).ReadJsonAsync(HttpStatusCode.OK);
        var current = await (await _client.GetAsync($"/v1/people/emomali-rahmon?asOf={after}")).ReadJsonAsync(HttpStatusCode.OK);
        var list = await (await _client.GetAsync($"/v1/people?country=tajikistan&limit=100&asOf={before}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(before + 1, after);
        Assert.Equal(original.GetRawText(), old.GetRawText());
        Assert.Equal("Rewritten for the as-of test.", current.GetProperty("description").GetString());
        Assert.Equal(original.GetProperty("description").GetString(),
            list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "emomali-rahmon").GetProperty("description").GetString());
    }

    [Fact]
    public async Task ARecordExistsOnlyBetweenItsCreationAndItsDeletionWithItsFactsAndBacklinks()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var before = await LatestAsync();
        await (await curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("as-of-person", "As Of Person").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        await (await curator.PostAsync("/v1/facts", TestKeys.Json(CurationClient.Fact("as-of-fact", "as-of-person").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        var created = await LatestAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/facts/as-of-fact", ifMatch: true)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/people/as-of-person", ifMatch: true)).StatusCode);
        var deleted = await LatestAsync();

        await (await _client.GetAsync($"/v1/people/as-of-person?asOf={before}")).ReadProblemAsync(HttpStatusCode.NotFound);
        var alive = await (await _client.GetAsync($"/v1/people/as-of-person?asOf={created}")).ReadJsonAsync(HttpStatusCode.OK);
        await (await _client.GetAsync($"/v1/people/as-of-person?asOf={deleted}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync("/v1/people/as-of-person")).ReadProblemAsync(HttpStatusCode.NotFound);
        var facts = await (await _client.GetAsync($"/v1/facts?entity=as-of-person&count=true&asOf={created}")).ReadJsonAsync(HttpStatusCode.OK);
        var total = await (await _client.GetAsync($"/v1/people?count=true&limit=1&asOf={created}")).ReadJsonAsync(HttpStatusCode.OK);
        var totalBefore = await (await _client.GetAsync($"/v1/people?count=true&limit=1&asOf={before}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("As Of Person", alive.GetProperty("name").GetString());
        Assert.Equal(["as-of-fact"], alive.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("fact").GetProperty("id").GetString()));
        Assert.Equal(1, facts.GetProperty("total").GetInt32());
        Assert.Equal(totalBefore.GetProperty("total").GetInt32() + 1, total.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("0", "before the first position")]
    [InlineData("99999999", "after the latest change")]
    [InlineData("99999999999999999999999", "after the latest change")]
    [InlineData("2999-01-01T00:00:00Z", "in the future")]
    [InlineData("2001-01-01T00:00:00Z", "before the first change")]
    [InlineData("yesterday", "neither a change position")]
    [InlineData("2026-12-01", "neither a change position")]
    public async Task AnAsOfOutsideTheHistoryIsABadRequestSayingWhy(string value, string reason)
    {
        var problem = await (await _client.GetAsync($"/v1/facts?asOf={Uri.EscapeDataString(value)}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("asOf")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimestampReadsAsOfTheLastChangeCommittedAtOrBeforeItAndACursorAsItsPosition()
    {
        var feed = await (await _client.GetAsync("/v1/changes?limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        var first = feed.GetProperty("items")[0];
        var at = first.GetProperty("at").GetDateTime().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
        var position = first.GetProperty("position").GetInt64();

        var byTime = await _client.GetAsync($"/v1/facts?asOf={Uri.EscapeDataString(at)}");
        var byPosition = await _client.GetAsync($"/v1/facts?asOf={position}");
        var byCursor = await _client.GetAsync($"/v1/facts?asOf={first.GetProperty("cursor").GetString()}");
        // To the tick: another test of this class may have written within the current second.
        var now = await _client.GetAsync($"/v1/facts?asOf={Uri.EscapeDataString(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture))}");

        Assert.Equal(await byPosition.Content.ReadAsStringAsync(), await byTime.Content.ReadAsStringAsync());
        Assert.Equal(await byPosition.Content.ReadAsStringAsync(), await byCursor.Content.ReadAsStringAsync());
        Assert.Equal(await (await _client.GetAsync("/v1/facts")).Content.ReadAsStringAsync(), await now.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATimestampIsResolvedByOneSeekOfTheRevisionsTimeIndex()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();

        var plan = await ListAsync(connection, "EXPLAIN QUERY PLAN " + History.LastAtOrBeforeSql.Replace("@at", "'2026-01-01'", StringComparison.Ordinal), column: 3);

        Assert.Equal(["SEARCH Revisions USING COVERING INDEX IX_Revisions_At_Id (At<?)"], plan);
    }

    [Fact]
    public async Task EveryReadSendsTheLatestPositionAsItsDatasetVersionAndAWriteMovesIt()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var latest = await LatestAsync();
        var reads = new[] { "/v1/people", "/v1/people/sadyr-japarov", $"/v1/facts?asOf={latest}", "/v1/changes", "/v1/search?q=border", "/v1/export" };
        foreach (var url in reads)
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(latest.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("Dataset-Version").Single());
        }

        await (await curator.PatchAsync("/v1/places/dushanbe", """{ "description": "Moved the version." }""")).ReadJsonAsync(HttpStatusCode.OK);
        var moved = await _client.GetAsync("/v1/people/sadyr-japarov");

        Assert.Equal((latest + 1).ToString(CultureInfo.InvariantCulture), moved.Headers.GetValues("Dataset-Version").Single());
        Assert.False((await _client.GetAsync("/v1/people/nobody")).Headers.Contains("Dataset-Version"));
    }

    [Fact]
    public async Task EveryTableOfRecordsHasAHistoryWhoseOpenVersionsAreItsRowsAfterTheSeedAndAfterWrites()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        await AssertHistoryMatchesAsync();
        await (await curator.PostAsync("/v1/facts", TestKeys.Json(CurationClient.Fact("history-fact").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        await (await curator.PatchAsync("/v1/people/sadyr-japarov", """{ "description": "A new description." }""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/facts/history-fact", ifMatch: true)).StatusCode);

        await AssertHistoryMatchesAsync();
    }

    [Fact]
    public async Task ASeedRunThatChangesARecordIsReadBeforeAndAfterItAndTheHistoryStillMatchesTheTables()
    {
        using var directory = Repository.TempDirectory();
        var seed = directory.CopyFrom(Repository.Seed, "seed");
        var people = Path.Combine(seed, "people.json");
        await File.WriteAllTextAsync(people, (await File.ReadAllTextAsync(people)).Replace(
            "at the March 31 summit in Khujand.", "at the March 31 summit in Khujand (reseeded for as-of).", StringComparison.Ordinal));
        var before = await LatestAsync();

        SeedResult result;
        await using (var db = factory.CreateDb())
        {
            result = await new Seeder(db, new SqliteSearchIndex()).ApplyAsync(seed, dryRun: false, CancellationToken.None);
        }

        var after = await LatestAsync();
        var old = await (await _client.GetAsync($"/v1/people/shavkat-mirziyoyev?asOf={before}")).ReadJsonAsync(HttpStatusCode.OK);
        var current = await (await _client.GetAsync($"/v1/people/shavkat-mirziyoyev?asOf={after}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.Changed);
        Assert.Equal(before + 1, after);
        Assert.DoesNotContain("(reseeded for as-of)", old.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("(reseeded for as-of)", current.GetProperty("description").GetString(), StringComparison.Ordinal);
        await AssertHistoryMatchesAsync();
    }

    /// <summary>
    /// Every table but the feed, the version, the search index and the history itself is tracked, and each history's open
    /// versions are exactly its table's rows (both ways), with the table's columns and two more.
    /// </summary>
    private async Task AssertHistoryMatchesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = await ListAsync(connection, """
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\_\_%' ESCAPE '\'
                AND name NOT LIKE 'SearchIndex%' AND name NOT LIKE '%\_History' ESCAPE '\'
                AND name NOT IN ('Revisions', 'DataVersions', 'HistoryStart') ORDER BY name
            """);
        Assert.Equal(History.Tables.Order(StringComparer.Ordinal), tables);
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection, $"SELECT name FROM pragma_table_xinfo('{table}') WHERE hidden <> 1 ORDER BY cid");
            var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var open = $"SELECT {list} FROM \"{table}_History\" WHERE \"ValidTo\" = {History.Open}";
            Assert.Equal([.. columns, "ValidFrom", "ValidTo"], await ListAsync(connection, $"SELECT name FROM pragma_table_xinfo('{table}_History') ORDER BY cid"));
            Assert.Equal("0", (await ListAsync(connection, $"SELECT count(*) FROM (SELECT {list} FROM \"{table}\" EXCEPT {open})")).Single());
            Assert.Equal("0", (await ListAsync(connection, $"SELECT count(*) FROM ({open} EXCEPT SELECT {list} FROM \"{table}\")")).Single());
            Assert.Equal(
                (await ListAsync(connection, $"SELECT count(*) FROM \"{table}\"")).Single(),
                (await ListAsync(connection, $"SELECT count(*) FROM ({open})")).Single());
        }
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql, int column = 0)
    {
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private async Task<long> LatestAsync()
    {
        await using var db = factory.CreateDb();
        return await db.Revisions.MaxAsync(r => r.Id);
    }
}
