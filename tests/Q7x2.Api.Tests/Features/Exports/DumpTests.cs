using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Exports;

public sealed class DumpTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] TypeOrder =
        ["source", "predicate", "person", "country", "place", "organization", "event", "agreement", "border-crossing", "fact", "observation", "claim-qualifier", "claim"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheDumpHoldsEveryRecordOnceInTypeAndIdOrderAndEndsWithItsCountAndHash()
    {
        var response = await _client.GetAsync("/v1/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=q7x2-dump.ndjson", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.True(long.TryParse(response.Headers.GetValues("Dataset-Version").Single(), out _));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Lines(bytes);
        var end = JsonNode.Parse(lines[^1])!;
        var records = lines[..^1].Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("end", (string)end["type"]!);
        Assert.Equal(records.Count, (int)end["records"]!);
        var body = bytes.AsSpan(0, bytes.Length - Encoding.UTF8.GetByteCount(lines[^1] + "\n"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), (string)end["sha256"]!);

        var types = records.Select(r => (string)r["type"]!).ToList();
        Assert.Equal(TypeOrder, types.Distinct());
        Assert.Equal(types.OrderBy(t => Array.IndexOf(TypeOrder, t)), types);
        foreach (var type in TypeOrder)
        {
            var ids = records.Where(r => (string)r["type"]! == type).Select(r => (string)r["record"]!["id"]!).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        }

        // As many of each as the API lists.
        foreach (var (type, list) in new[] { ("person", "people"), ("event", "events"), ("fact", "facts"), ("observation", "observations"), ("predicate", "predicates"), ("claim", "claims") })
        {
            var page = await (await _client.GetAsync($"/v1/{list}?count=true&limit=1")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(page.GetProperty("total").GetInt32(), types.Count(t => t == type));
        }

        var source = records[0];
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Seed, "sources", "kyrgyz-president-visits-tajikistan.txt")), (string)source["text"]!);
        var fact = records.Single(r => (string)r["record"]!["id"]! == "rustam-emomali-son-of-rahmon")["record"]!;
        Assert.Equal("son-of", (string)fact["predicate"]!);
        Assert.Equal("Rustam Emomali is the son of the Tajik president", (string)fact["evidence"]![0]!["exact"]!);
    }

    [Fact]
    public async Task DumpThenImportIntoAnEmptyDatabaseThenDumpAgainGivesTheSameBytes()
    {
        var first = await (await _client.GetAsync("/v1/export")).Content.ReadAsByteArrayAsync();
        using var temp = Repository.TempDirectory();
        var dump = Path.Combine(temp.Path, "dump.ndjson");
        await File.WriteAllBytesAsync(dump, first);

        await using var database = new EmptyDatabase(temp.Path, "copy");
        var import = await ApiProcess.RunAsync(temp.Path, ["import", dump, .. database.Arguments]);

        Assert.True(import.ExitCode == 0, import.Error);
        // 194 records, 5 claim qualifiers and 13 claims.
        Assert.Contains("216 added", import.Output, StringComparison.Ordinal);
        using var copy = new Q7x2ApiFactory();
        using var served = copy.WithWebHostBuilder(database.Serve);
        var again = await served.CreateClient().GetByteArrayAsync("/v1/export");
        Assert.Equal(first.Length, again.Length);
        Assert.True(first.AsSpan().SequenceEqual(again), "the second dump differs from the first");
    }

    [Fact]
    public async Task ImportRefusesAnAlteredTruncatedOrInvalidDumpAndADatabaseThatHoldsRecords()
    {
        var good = await (await _client.GetAsync("/v1/export")).Content.ReadAsStringAsync();
        var lines = good.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var temp = Repository.TempDirectory();

        var altered = good.Replace("Dushanbe", "Dushanbee", StringComparison.Ordinal);
        await ExpectRefusalAsync(temp.Path, "altered", altered, "the dump is altered");
        await ExpectRefusalAsync(temp.Path, "truncated", string.Join('\n', lines[..100]) + "\n", "it is incomplete");
        await ExpectRefusalAsync(temp.Path, "miscounted", string.Join('\n', lines[..^2].Append(lines[^1])) + "\n", "incomplete or altered");
        await ExpectRefusalAsync(temp.Path, "out-of-order", string.Join('\n', new[] { lines[1], lines[0] }.Concat(lines[2..])) + "\n", "comes after");

        // A dump whose hash is right but whose record the seeder refuses: a quote that is not in the source.
        var records = lines[..^1].Select(l => l.Contains("\"id\":\"rustam-emomali-son-of-rahmon\"", StringComparison.Ordinal)
            ? l.Replace("is the son of the Tajik president", "is the nephew of the Tajik president", StringComparison.Ordinal) : l).ToList();
        var body = string.Concat(records.Select(r => r + "\n"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        await ExpectRefusalAsync(temp.Path, "unquoted", body + $"{{\"type\":\"end\",\"records\":{records.Count},\"sha256\":\"{hash}\"}}\n",
            $"unquoted.ndjson: line {records.FindIndex(r => r.Contains("nephew", StringComparison.Ordinal)) + 1}: $.record.evidence[0].exact: quote not found");

        var full = Path.Combine(temp.Path, "good.ndjson");
        await File.WriteAllTextAsync(full, good);
        var again = await ApiProcess.RunAsync(temp.Path, ["import", full, .. factory.Arguments]);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("empty database", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDumpIsNeverCachedAndDrawsOnTheExportsBudget()
    {
        using var api = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Caching:Enabled", "true")
            .UseSetting("RateLimiting:Enabled", "true")
            .UseSetting("RateLimiting:Exports:PermitsPerMinute", "2"));
        var client = api.CreateClient();

        var first = await client.GetAsync("/v1/export");
        var second = await client.GetAsync("/v1/export");
        var third = await client.GetAsync("/v1/export");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Equal("\"exports\";q=2;w=60", string.Join(",", first.Headers.GetValues("RateLimit-Policy")));
        await third.ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AWriteShowsInTheNextDumpAndMovesItsVersion()
    {
        using var api = new Q7x2ApiFactory();
        var client = api.CreateClient();
        var before = await client.GetAsync("/v1/export");
        await using (var db = api.CreateDb())
        {
            // A write as every writer makes it: the row, its revision (the new change position), the version bump.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Predicates\" SET \"Description\" = 'Changed.' WHERE \"Id\" = 'son-of'");
            db.Revisions.Add(new Q7x2.Data.Entities.Revision { Resource = "predicates", ResourceId = "son-of", Operation = "update", Actor = "test", At = DateTime.UtcNow });
            await db.SaveChangesAsync();
            await Q7x2.Data.Entities.DataVersion.BumpAsync(db, CancellationToken.None);
        }

        var after = await client.GetAsync("/v1/export");

        Assert.NotEqual(before.Headers.GetValues("Dataset-Version").Single(), after.Headers.GetValues("Dataset-Version").Single());
        var predicate = Lines(await after.Content.ReadAsByteArrayAsync()).Select(l => JsonNode.Parse(l)!)
            .Single(r => (string?)r["record"]?["id"] == "son-of");
        Assert.Equal("Changed.", (string)predicate["record"]!["description"]!);
        SqliteConnection.ClearAllPools();
    }

    private static async Task ExpectRefusalAsync(string folder, string name, string dump, string reason)
    {
        var path = Path.Combine(folder, $"{name}.ndjson");
        await File.WriteAllTextAsync(path, dump, new UTF8Encoding(false));
        await using var database = new EmptyDatabase(folder, name);

        var result = await ApiProcess.RunAsync(folder, ["import", path, .. database.Arguments]);

        Assert.True(result.ExitCode == 1, $"{name}: exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        await using var db = database.CreateDb();
        Assert.Equal(0, await db.Sources.CountAsync() + await db.Entities.CountAsync() + await db.Facts.CountAsync());
    }

    private static string[] Lines(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
