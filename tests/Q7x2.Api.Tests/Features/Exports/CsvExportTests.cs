using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Exports;

public sealed class CsvExportTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Every list that serves CSV, with filters and sorts; the source's evidence takes three pages of 100.</summary>
    public static TheoryData<string> Lists =>
    [
        "/v1/people", "/v1/countries?sort=-name", "/v1/places", "/v1/organizations", "/v1/events?participant=sadyr-japarov&sort=date",
        "/v1/agreements", "/v1/border-crossings", "/v1/entities?kind=event", "/v1/facts", "/v1/facts?modality=assessed&sort=date",
        "/v1/observations", "/v1/trade-figures", "/v1/sources", "/v1/predicates", "/v1/timeline",
        "/v1/entities/kyrgyzstan/backlinks?relation=subject&kind=observation", "/v1/sources/kyrgyz-president-visits-tajikistan/evidence",
    ];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryListIsTheWholeFilteredSortedListAsCsvWithACellForEveryJsonValue(string list)
    {
        var items = await _client.WalkAsync(list + (list.Contains('?') ? "&" : "?") + "limit=30");
        var response = await _client.GetAsync(list + (list.Contains('?') ? "&" : "?") + "format=csv");

        var (header, rows) = await ReadCsvAsync(response);
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, rows.Count);
        Assert.Equal(header.Count, header.Distinct().Count());
        for (var i = 0; i < items.Count; i++)
        {
            var expected = Flatten(items[i]);
            foreach (var (column, index) in header.Select((c, n) => (c, n)))
            {
                Assert.True(expected.Remove(column, out var value) || rows[i][index].Length == 0,
                    $"{list}, row {i}: column {column} holds '{rows[i][index]}', which the JSON item does not have");
                Assert.Equal(value ?? "", rows[i][index]);
            }

            // Every value of the JSON item is in a column, except lists inside list items (which CSV leaves to JSON).
            Assert.DoesNotContain(expected, e => e.Value.Length > 0 && !e.Key.Contains("[]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnExportIsAnRfc4180FileToSaveWithItsHeaderRowAndNoCacheEntry()
    {
        var response = await _client.GetAsync("/v1/facts?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8; header=present", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=facts.csv", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.False(response.Headers.Contains("Link"));
        Assert.False(response.Headers.Contains("ETag"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("id,subject.id,subject.kind,subject.name,predicate.id,predicate.label,predicate.inverseLabel,object.id,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);

        // Curly quotes, commas and line breaks inside values come back whole.
        var (header, rows) = await ReadCsvAsync(await _client.GetAsync("/v1/facts?format=csv"));
        var exact = header.IndexOf("evidence.exact");
        var prefix = header.IndexOf("evidence.prefix");
        Assert.Contains(rows, r => r[exact].Contains('’', StringComparison.Ordinal) && r[exact].Contains(',', StringComparison.Ordinal));
        Assert.Contains(rows, r => r[prefix].Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public async Task NestedReferencesAreDottedColumnsAndAListsValuesAreJoinedInItemOrder()
    {
        var (header, rows) = await ReadCsvAsync(await _client.GetAsync("/v1/events?participant=rustam-emomali&format=csv"));

        Assert.Equal(2, rows.Count);
        var row = rows.Single(r => r[header.IndexOf("id")] == "japarov-meeting-with-rustam-emomali-2025");
        string Cell(string column) => row[header.IndexOf(column)];
        Assert.Equal("sadyr-japarov; rustam-emomali", Cell("participants.id"));
        Assert.Equal("person; person", Cell("participants.kind"));
        Assert.Equal("Sadyr Japarov; Rustam Emomali", Cell("participants.name"));
        Assert.Equal("July 8-9", Cell("date.text"));
        Assert.Equal("2025-07-08", Cell("date.from"));
        Assert.Equal("2025-07-09", Cell("date.to"));
        Assert.Equal("tajikistan", Cell("place.id"));
        Assert.Equal("Tajikistan", Cell("place.name"));
        Assert.DoesNotContain("evidence.exact", header); // an entity's evidence is an embed, and CSV has no embeds
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("text/csv", "text/csv")]
    [InlineData("text/*", "text/csv")]
    [InlineData("*/*", "application/json")]
    [InlineData("text/csv;q=0.5, application/json", "application/json")]
    [InlineData("application/json;q=0.1, text/csv", "text/csv")]
    [InlineData("text/html", "application/json")]
    public async Task AcceptChoosesCsvOnlyWhenTheClientPrefersIt(string? accept, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/people");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FormatOverridesAccept()
    {
        using var json = new HttpRequestMessage(HttpMethod.Get, "/v1/people?format=json");
        json.Headers.Add("Accept", "text/csv");
        using var csv = new HttpRequestMessage(HttpMethod.Get, "/v1/people?format=csv");
        csv.Headers.Add("Accept", "application/json");

        Assert.Equal("application/json", (await _client.SendAsync(json)).Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/csv", (await _client.SendAsync(csv)).Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/people?format=csv&limit=5", "limit")]
    [InlineData("/v1/people?format=csv&count=true", "count")]
    [InlineData("/v1/people?format=csv&embed=evidence", "embed")]
    [InlineData("/v1/people?format=xml", "format")]
    [InlineData("/v1/people?format=CSV", "format")]
    [InlineData("/v1/facts?format=csv&modality=rumoured", "modality")]
    [InlineData("/v1/people/sadyr-japarov?format=csv", "format")]
    public async Task WhatAnExportCannotDoIsA400ProblemNamingTheParameter(string url, string parameter)
    {
        var problem = await (await _client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ACursorIsRefusedBecauseAnExportIsTheWholeList()
    {
        var first = await (await _client.GetAsync("/v1/facts?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("next").GetString();

        var problem = await (await _client.GetAsync($"/v1/facts?format=csv&cursor={cursor}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task AnUnknownRecordIsStillA404Problem()
    {
        var problem = await (await _client.GetAsync("/v1/entities/nobody/backlinks?relation=participant&kind=event&format=csv"))
            .ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("/v1/entities/nobody/backlinks", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task CsvAndJsonNeverAnswerForEachOtherFromTheOutputCache()
    {
        using var cached = factory.WithWebHostBuilder(builder => builder.UseSetting("Caching:Enabled", "true"));
        var client = cached.CreateClient();
        foreach (var round in Enumerable.Range(0, 2))
        {
            Assert.Equal("application/json", (await client.GetAsync("/v1/organizations")).Content.Headers.ContentType?.MediaType);
            using var csv = new HttpRequestMessage(HttpMethod.Get, "/v1/organizations");
            csv.Headers.Add("Accept", "text/csv");
            Assert.Equal("text/csv", (await client.SendAsync(csv)).Content.Headers.ContentType?.MediaType);
            var export = await client.GetAsync("/v1/organizations?format=csv");
            Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
            Assert.Null(export.Headers.Age); // an export is never answered from the cache
            var json = await client.GetAsync("/v1/organizations");
            Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
            Assert.True(round == 0 || json.Headers.Age is not null, "the JSON list is answered from the cache on the second round");
        }
    }

    [Fact]
    public async Task ExportsDrawOnTheirOwnRateLimitBudget()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimiting:Enabled", "true")
            .UseSetting("RateLimiting:Reads:PermitsPerMinute", "50")
            .UseSetting("RateLimiting:Exports:PermitsPerMinute", "2"));
        var client = limited.CreateClient();

        for (var i = 1; i <= 2; i++)
        {
            var export = await client.GetAsync("/v1/sources/kyrgyz-president-visits-tajikistan/evidence?format=csv");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("\"exports\";q=2;w=60", string.Join(",", export.Headers.GetValues("RateLimit-Policy")));
        }

        var refused = await client.GetAsync("/v1/facts?format=csv");
        var problem = await refused.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("exports", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var read = await client.GetAsync("/v1/facts");
        await read.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"reads\";q=50;w=60", string.Join(",", read.Headers.GetValues("RateLimit-Policy")));
    }

    [Fact]
    public async Task AnExportIsNotStoppedByTheRequestTimeoutThatStopsTheSameReadAsJson()
    {
        var slow = new SlowFacts();
        using var timed = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RequestTimeouts:Seconds", "1")
            .UseSetting("Caching:Enabled", "false")
            .ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(slow))));
        var client = timed.CreateClient();
        await (await client.GetAsync("/v1/facts")).ReadJsonAsync(HttpStatusCode.OK); // compiled before the clock matters

        slow.Armed = true;
        await (await client.GetAsync("/v1/facts")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        slow.Armed = true;
        var (_, rows) = await ReadCsvAsync(await client.GetAsync("/v1/facts?format=csv"));

        Assert.Equal(Repository.SeedCount("facts.json", "facts"), rows.Count);
        Assert.Equal(2, slow.Delayed);
    }

    /// <summary>The header and the records of a 200 CSV response, read by CsvHelper.</summary>
    private static async Task<(List<string> Header, List<string[]> Rows)> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var csv = CsvReader.Create(await response.Content.ReadAsByteArrayAsync(), CsvReaderOptions.Default with { TrimWhitespace = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        }

        return ([.. csv.Headers], rows);
    }

    /// <summary>
    /// The JSON item as the cells a CSV row should have, worked out from the JSON alone: dotted paths to its scalars; a list's
    /// values joined with "; " in order (a null as an empty value); lists inside list items under a "[]" path.
    /// </summary>
    private static Dictionary<string, string> Flatten(JsonElement item)
    {
        var cells = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(item, "", inList: false);
        return cells.ToDictionary(c => c.Key, c => string.Join("; ", c.Value));

        void Walk(JsonElement value, string path, bool inList)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var member in value.EnumerateObject())
                    {
                        Walk(member.Value, path.Length == 0 ? member.Name : $"{path}.{member.Name}", inList);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var element in value.EnumerateArray())
                    {
                        Walk(element, inList ? path + "[]" : path, inList: true);
                    }

                    break;
                default:
                    Add(path, value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString()!,
                        JsonValueKind.Null => "",
                        _ => value.GetRawText(),
                    });
                    break;
            }

            void Add(string key, string text)
            {
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }

                list.Add(text);
            }
        }
    }

    /// <summary>Once armed, holds the next command that reads facts until it is cancelled or for 3 s (past a 1 s timeout), before it runs.</summary>
    private sealed class SlowFacts : DbCommandInterceptor
    {
        private int _delayed;

        public volatile bool Armed;

        public int Delayed => _delayed;

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("FROM \"Facts\"", StringComparison.Ordinal))
            {
                Armed = false;
                Interlocked.Increment(ref _delayed);
                // Until the read is cancelled (its 1 s timeout, however late a loaded machine fires it), at most 3 s: a read whose
                // timeout is off (the export) goes on after it.
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return result;
        }
    }
}
