using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// The same seed read through the API on SQLite and on PostgreSQL gives the same bytes: every page of every list and every
/// record's detail, the graphs, the CSV exports and the dump (skipped without a PostgreSQL server: <see cref="PostgresServer"/>).
/// </summary>
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class EnginesAgreeTests(Q7x2ApiFactory sqlite) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] Collections =
    [
        "sources", "predicates", "entities", "people", "countries", "places", "organizations", "events", "agreements", "border-crossings",
        "facts", "observations", "trade-figures", "claims",
    ];

    [SkippableFact]
    public async Task EveryListPageAndDetailIsTheSameJsonOnBothEngines()
    {
        using var postgres = new PostgresApiFactory();
        var (left, right) = (sqlite.CreateClient(), postgres.CreateClient());
        var compared = 0;
        foreach (var collection in Collections)
        {
            var ids = new List<string>();
            for (var url = $"/v1/{collection}?limit=7"; url is not null;)
            {
                var page = await SameAsync(left, right, url);
                compared++;
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
                url = page.GetProperty("next").GetString() is { } cursor ? $"/v1/{collection}?limit=7&cursor={Uri.EscapeDataString(cursor)}" : null;
            }

            Assert.NotEmpty(ids);
            foreach (var id in ids)
            {
                await SameAsync(left, right, $"/v1/{collection}/{Uri.EscapeDataString(id)}");
                compared++;
            }
        }

        // Every other order, walked by its cursors (an undated record's sort key, 9999-12-31, once stopped a date cursor on PostgreSQL).
        foreach (var (collection, sort) in ((string, string)[])[("facts", "-date"), ("facts", "date"), ("events", "-date"),
                     ("events", "date"), ("people", "-name"), ("observations", "-metric"), ("sources", "-id")])
        {
            for (var url = $"/v1/{collection}?limit=5&sort={sort}"; url is not null;)
            {
                var page = await SameAsync(left, right, url);
                compared++;
                url = page.GetProperty("next").GetString() is { } cursor
                    ? $"/v1/{collection}?limit=5&sort={sort}&cursor={Uri.EscapeDataString(cursor)}"
                    : null;
            }
        }

        foreach (var url in (string[])["/v1/timeline", "/v1/sources/kyrgyz-president-visits-tajikistan/evidence?limit=100",
                     "/v1/sources/kyrgyz-president-visits-tajikistan/coverage", "/v1/people/sadyr-japarov?embed=none",
                     "/v1/entities/kyrgyzstan/backlinks?relation=subject&kind=observation&limit=3",
                     "/v1/entities/sadyr-japarov/graph?depth=1", "/v1/entities/sadyr-japarov/graph?depth=2",
                     "/v1/entities/kyrgyzstan/graph?depth=1&kind=person,event&from=2021-01-01&to=2025-12-31",
                     "/v1/facts?format=csv", "/v1/people?format=csv", "/v1/export"])
        {
            await SameAsync(left, right, url);
            compared++;
        }

        Assert.True(compared > 300, $"only {compared} answers compared");
    }

    /// <summary>
    /// The same curator's writes on both engines leave the same records: a record that others point at replaced in place (its
    /// references are checked at commit), a new one, and one deleted.
    /// </summary>
    [SkippableFact]
    public async Task TheSameWritesReadBackTheSameOnBothEngines()
    {
        // A SQLite database of its own: the class's is read by the other tests.
        using var written = new Q7x2ApiFactory();
        using var postgres = new PostgresApiFactory();
        foreach (var client in new[] { written.CreateClient().WithKey(TestKeys.Curator), postgres.CreateClient().WithKey(TestKeys.Curator) })
        {
            using var before = await client.GetAsync("/v1/people/emomali-rahmon");
            using var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/people/emomali-rahmon")
            {
                Content = TestKeys.MergePatch("""{"description": "President of Tajikistan (checked on both engines)."}"""),
            };
            patch.Headers.IfMatch.Add(before.Headers.ETag!);
            await (await client.SendAsync(patch)).ReadJsonAsync(HttpStatusCode.OK);
            await (await client.PostAsync("/v1/organizations", TestKeys.Json("""
                {"id": "engines-agree-organization", "name": "Engines Agree Organization", "orgType": "government-body", "description": "A test record.",
                 "evidence": [{"source": "kyrgyz-president-visits-tajikistan", "exact": "Sadyr Japarov"}]}
                """))).ReadJsonAsync(HttpStatusCode.Created);
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/v1/facts/japarov-in-power-in-kyrgyzstan");
            delete.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        }

        var (left, right) = (written.CreateClient(), postgres.CreateClient());
        foreach (var url in (string[])["/v1/people/emomali-rahmon", "/v1/organizations/engines-agree-organization", "/v1/facts?limit=100",
                     "/v1/countries/tajikistan", "/v1/entities/emomali-rahmon/graph?depth=1"])
        {
            await SameAsync(left, right, url);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await right.GetAsync("/v1/facts/japarov-in-power-in-kyrgyzstan")).StatusCode);
    }

    /// <summary>Scores and snippets are each engine's own (issue 12); what is found first is not.</summary>
    [SkippableTheory]
    [InlineData("japarov", "sadyr-japarov")]
    [InlineData("rahmon", "emomali-rahmon")]
    [InlineData("mirziyoyev", "shavkat-mirziyoyev")]
    [InlineData("khujand", null)]
    [InlineData("border delimitation", null)]
    [InlineData("dushan*", null)]
    public async Task SearchFindsTheSameFirstHitsOnBothEngines(string q, string? first)
    {
        using var postgres = new PostgresApiFactory();
        var url = $"/v1/search?q={Uri.EscapeDataString(q)}&limit=3";
        var expected = await (await sqlite.CreateClient().GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        var actual = await (await postgres.CreateClient().GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);

        var ids = expected.Ids();
        Assert.NotEmpty(ids);
        Assert.Equal(ids[0], actual.Ids()[0]);
        if (first is not null)
        {
            Assert.Equal(first, ids[0]);
        }
    }

    /// <summary>The history that <c>asOf</c> reads is SQLite's (AsOfTests); on PostgreSQL it is a 400 keyed <c>asOf</c>, not a 500 or a present answer.</summary>
    [SkippableFact]
    public async Task AsOfIsAProblemKeyedAsOfOnPostgres()
    {
        using var postgres = new PostgresApiFactory();
        var client = postgres.CreateClient();
        foreach (var url in (string[])["/v1/people/sadyr-japarov?asOf=1", "/v1/facts?asOf=2025-07-01T00:00:00Z"])
        {
            var problem = await (await client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);
            var message = Assert.Single(problem.GetProperty("errors").GetProperty("asOf").EnumerateArray()).GetString();
            Assert.Contains("PostgreSQL", message, StringComparison.Ordinal);
        }

        await (await sqlite.CreateClient().GetAsync("/v1/people/sadyr-japarov?asOf=1")).ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Both answers are 200 (or, with <paramref name="anyStatus"/>, the same status) with the same body; returns it parsed.</summary>
    internal static async Task<JsonElement> SameAsync(HttpClient left, HttpClient right, string url, bool anyStatus = false)
    {
        using var expected = await left.GetAsync(url);
        using var actual = await right.GetAsync(url);
        var body = await expected.Content.ReadAsStringAsync();
        Assert.True(anyStatus || expected.StatusCode == HttpStatusCode.OK, $"SQLite: {url} answered {(int)expected.StatusCode}: {body}");
        var other = await actual.Content.ReadAsStringAsync();
        Assert.True(anyStatus || actual.StatusCode == HttpStatusCode.OK, $"PostgreSQL: {url} answered {(int)actual.StatusCode}: {other}");
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.True(body == other, $"{url} differs:\nSQLite:     {body}\nPostgreSQL: {other}");
        Assert.Equal(expected.Headers.ETag, actual.Headers.ETag);
        return expected.Content.Headers.ContentType?.MediaType is "application/json"
            ? JsonDocument.Parse(body).RootElement.Clone()
            : default;
    }
}
