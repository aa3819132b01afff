using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>
/// A seed run is recorded in the change feed (actor <c>seed</c>), so that a service mirroring it never drifts after a seed change,
/// and its revisions leave the records it writes seed-owned.
/// </summary>
// SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class SeedChangeFeedTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private static async Task<SeedResult> SeedAsync(Q7x2ApiFactory factory, string folder)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Seeder>().ApplyAsync(folder, dryRun: false, CancellationToken.None);
    }

    private static async Task<List<JsonElement>> ChangesAsync(HttpClient client, string? after)
    {
        var changes = new List<JsonElement>();
        var url = $"/v1/changes?limit=100{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}";
        while (url is not null)
        {
            var page = await (await client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            changes.AddRange(page.GetProperty("items").EnumerateArray());
            url = page.GetProperty("next").GetString() is { } next ? $"/v1/changes?limit=100&after={Uri.EscapeDataString(next)}" : null;
        }

        return changes;
    }

    private static (string?, string?, string?, string?) Summary(JsonElement change) => (change.GetProperty("resource").GetString(),
        change.GetProperty("id").GetString(), change.GetProperty("operation").GetString(), change.GetProperty("actor").GetString());

    private static void Edit(string folder, string file, Action<JsonArray> edit)
    {
        var path = Path.Combine(folder, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root.Single().Value!.AsArray());
        File.WriteAllText(path, root.ToJsonString());
    }

    [Fact]
    public async Task TheFirstLoadAndEachLaterSeedChangeAreInTheChangeFeed()
    {
        await using var factory = new Q7x2ApiFactory();
        var client = factory.CreateClient();

        // The first load: one create per record, by the seed, without bodies.
        var loaded = await ChangesAsync(client, null);
        Assert.All(loaded, c => Assert.Equal(("create", "seed"), (c.GetProperty("operation").GetString(), c.GetProperty("actor").GetString())));
        var people = await (await client.GetAsync("/v1/people?count=true&limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(people.GetProperty("total").GetInt32(), loaded.Count(c => c.GetProperty("resource").GetString() == "people"));
        var japarov = loaded.Single(c => c.GetProperty("id").GetString() == "sadyr-japarov");
        Assert.Equal(("people", JsonValueKind.Null, JsonValueKind.Null), (japarov.GetProperty("resource").GetString(),
            japarov.GetProperty("before").ValueKind, japarov.GetProperty("after").ValueKind));
        Assert.Contains(loaded, c => Summary(c) == ("claims", "kyrgyz-tajik-trade-15-times-more", "create", "seed"));
        var last = loaded[^1].GetProperty("cursor").GetString();

        // A changed description and a removed fact: an update and a delete, in that order, and nothing else.
        var folder = _temp.CopyFrom(Repository.Seed, "seed");
        Edit(folder, "places.json", places => places.Single(p => (string)p!["id"]! == "khujand")!["description"] = "Changed in the seed.");
        Edit(folder, "facts.json", facts => facts.Remove(facts.Single(f => (string)f!["id"]! == "rustam-emomali-heir-apparent")));
        Assert.Equal("0 added, 1 changed, 1 removed, 0 kept (curator-owned)", (await SeedAsync(factory, folder)).ToString());

        var changes = await ChangesAsync(client, last);
        Assert.Equal([("places", "khujand", "update", "seed"), ("facts", "rustam-emomali-heir-apparent", "delete", "seed")], changes.Select(Summary));
        last = changes[^1].GetProperty("cursor").GetString();

        // The seed's own revisions leave the record seed-owned: the next seed change to it is applied and recorded too.
        Edit(folder, "places.json", places => places.Single(p => (string)p!["id"]! == "khujand")!["description"] = "Changed again in the seed.");
        Assert.Equal("0 added, 1 changed, 0 removed, 0 kept (curator-owned)", (await SeedAsync(factory, folder)).ToString());
        Assert.Equal("Changed again in the seed.",
            (await (await client.GetAsync("/v1/places/khujand")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("description").GetString());
        Assert.Equal([("places", "khujand", "update", "seed")], (await ChangesAsync(client, last)).Select(Summary));

        // A run that changes nothing records nothing.
        Assert.Equal("0 added, 0 changed, 0 removed, 0 kept (curator-owned)", (await SeedAsync(factory, folder)).ToString());
        Assert.Single(await ChangesAsync(client, last));
    }
}
