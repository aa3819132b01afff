using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>The <c>seed</c> and <c>migrate</c> subcommands, run as README runs them: a separate process.</summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    private string Database => Path.Combine(_temp.Path, "data", "q7x2.db");

    private Task<ApiProcess.Outcome> RunAsync(string seedPath, params string[] args) =>
        ApiProcess.RunAsync(_temp.Path, [.. args, $"--ConnectionStrings:Sqlite=Data Source={Database}", $"--Seed:Path={seedPath}"]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SeedingTwiceChangesNothingTheSecondTime()
    {
        var first = await RunAsync(Repository.Seed, "seed");
        var second = await RunAsync(Repository.Seed, "seed");

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"^[1-9]\d* added, 0 changed, 0 removed, 0 kept \(curator-owned\)\s*$", first.Output.Split('\n').First(l => l.Contains("added", StringComparison.Ordinal)));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added, 0 changed, 0 removed", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRunCountsTheChangesButWritesNothing()
    {
        Assert.Equal(0, (await RunAsync(Repository.Seed, "migrate")).ExitCode);
        var before = await DatabaseSnapshot.TakeAsync(Database);

        var dryRun = await RunAsync(Repository.Seed, "seed", "--dry-run");

        Assert.Equal(0, dryRun.ExitCode);
        Assert.Matches(@"[1-9]\d* added, 0 changed, 0 removed, 0 kept \(curator-owned\) \(dry run: nothing written\)", dryRun.Output);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Database));
    }

    [Fact]
    public async Task AnEditedRecordIsChangedAndADroppedRecordIsRemoved()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        Assert.Equal(0, (await RunAsync(seed, "seed")).ExitCode);
        Edit(seed, "people.json", root => root["people"]![0]!["description"] = "Edited by a test.");
        Edit(seed, "facts.json", root =>
        {
            var facts = root["facts"]!.AsArray();
            facts.RemoveAt(facts.Count - 1);
        });

        var result = await RunAsync(seed, "seed");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 added, 1 changed, 1 removed", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 changed, 0 removed", (await RunAsync(seed, "seed")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedIfEmptySeedsAnEmptyDatabaseAndLeavesOneThatHoldsDataAsItIs()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");

        var first = await RunAsync(seed, "seed", "--if-empty");
        Edit(seed, "people.json", root => root["people"]![0]!["description"] = "A change that seed --if-empty must not write.");
        var before = await DatabaseSnapshot.TakeAsync(Database);
        var second = await RunAsync(seed, "seed", "--if-empty");

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"[1-9]\d* added, 0 changed, 0 removed", first.Output);
        // A new database is no error: no refused connection to it, no failed read of the migrations' history (EF Core's own
        // checks logged both at error level).
        Assert.DoesNotContain("fail:", first.Output + first.Error, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already holds data, so nothing was seeded", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("added", second.Output, StringComparison.Ordinal);
        Assert.Empty(second.Error);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Database));
    }

    [SkippableFact]
    // Picks its engines itself: the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
    [Trait(Engine.Trait, Engine.Fixed)]
    public async Task OnPostgresSeedIfEmptyIsSafeToRerunAndAPlainSecondSeedFailsWithOneLine()
    {
        await using var database = PostgresServer.NewDatabase();
        string[] postgres = ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={database.ConnectionString}"];
        Task<ApiProcess.Outcome> Run(params string[] args) =>
            ApiProcess.RunAsync(_temp.Path, [.. args, .. postgres, $"--Seed:Path={Repository.Seed}"]);

        var first = await Run("seed", "--if-empty");
        await using var db = database.CreateDb();
        var revisions = await db.Revisions.CountAsync();
        var second = await Run("seed", "--if-empty");
        var plain = await Run("seed");

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"[1-9]\d* added, 0 changed, 0 removed", first.Output);
        // A new database is no error: no refused connection to it, no failed read of the migrations' history (EF Core's own
        // checks logged both at error level).
        Assert.DoesNotContain("fail:", first.Output + first.Error, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already holds data, so nothing was seeded", second.Output, StringComparison.Ordinal);
        Assert.Equal(1, plain.ExitCode);
        var error = Assert.Single(plain.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already holds data", error, StringComparison.Ordinal);
        Assert.Contains("--if-empty", error, StringComparison.Ordinal);
        Assert.Equal(revisions, await db.Revisions.CountAsync());
    }

    public static TheoryData<string, string, string, string> BrokenSeeds() => new()
    {
        // file, JSON path, what the error says, and the edit that breaks it
        { "facts.json", "$.facts[0].evidence[0].exact", "quote not found", "quote" },
        { "facts.json", "$.facts[0].subject", "does not name any entity", "dangling" },
        { "events.json", "$.events[0].date.from", "not a valid ISO 8601 date", "date" },
        { "events.json", "$.events[0].date.to", "is before 'from'", "reversed" },
        { "people.json", "$.people[0].country", "expected country", "kind" },
    };

    [Theory]
    [MemberData(nameof(BrokenSeeds))]
    public async Task ABrokenSeedFailsNamingFilePathAndReasonAndLeavesTheDatabaseAsItWas(
        string file, string path, string reason, string breakage)
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        Assert.Equal(0, (await RunAsync(seed, "seed")).ExitCode);
        Edit(seed, "people.json", root => root["people"]![0]!["description"] = "A valid change that must not be written either.");
        Edit(seed, file, root => Break(root, breakage));
        var before = await DatabaseSnapshot.TakeAsync(Database);

        var result = await RunAsync(seed, "seed");

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n'), l => l.StartsWith($"{file}: {path}: ", StringComparison.Ordinal));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Database));
    }

    private static void Break(JsonNode root, string breakage)
    {
        switch (breakage)
        {
            case "quote":
                root["facts"]![0]!["evidence"]![0]!["exact"] = "Japarov never said this";
                break;
            case "dangling":
                root["facts"]![0]!["subject"] = "no-such-entity";
                break;
            case "date":
                root["events"]![0]!["date"]!["from"] = "2021-13-45";
                break;
            case "reversed":
                var date = root["events"]![0]!["date"]!;
                (date["from"], date["to"]) = ("2030-01-02", "2030-01-01");
                break;
            case "kind":
                root["people"]![0]!["country"] = "dushanbe";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage));
        }
    }

    private static void Edit(string seed, string file, Action<JsonNode> edit)
    {
        var path = Path.Combine(seed, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root);
        File.WriteAllText(path, root.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
    }
}
