using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>A seed that adds an id a curator already created through the API stops with a message and writes nothing.</summary>
public sealed class SeedCollisionTests : IDisposable
{
    private const string FactId = "rustam-emomali-heir-apparent";

    private readonly TempDirectory _temp = Repository.TempDirectory();

    private string Database => Path.Combine(_temp.Path, "q7x2.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ASeedRecordWhoseIdTheApiCreatedExitsOneNamingTheIdAndFileAndWritesNothing()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        var factsFile = Path.Combine(seed, "facts.json");
        var facts = JsonNode.Parse(await File.ReadAllTextAsync(factsFile))!;
        var fact = facts["facts"]!.AsArray().Single(f => (string?)f!["id"] == FactId)!;
        facts["facts"]!.AsArray().Remove(fact);
        await File.WriteAllTextAsync(factsFile, facts.ToJsonString());
        Assert.Equal(0, (await RunSeedAsync(seed)).ExitCode);

        await using (var server = await ApiServer.StartAsync(_temp.Path, Database, seed))
        {
            using var curator = server.CreateClient().WithKey(TestKeys.Curator);
            await (await curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        }

        var before = await DatabaseSnapshot.TakeAsync(Database);

        var result = await RunSeedAsync(Repository.Seed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"facts.json: $.facts[", result.Error, StringComparison.Ordinal);
        Assert.Contains($"'{FactId}' was created through the API", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(Database));
    }

    private Task<ApiProcess.Outcome> RunSeedAsync(string seedPath) =>
        ApiProcess.RunAsync(_temp.Path, "seed", $"--ConnectionStrings:Sqlite=Data Source={Database}", $"--Seed:Path={seedPath}");
}
