using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>
/// The seeder and the API agree: a record written or deleted through the API is curator-owned, and re-seeding
/// never changes, removes or re-adds it; seed-owned records still follow seed/.
/// </summary>
public sealed class SeedOwnershipTests
{
    private static async Task<SeedResult> ReseedAsync(Q7x2ApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Seeder>().ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);
    }

    [Fact]
    // SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public async Task ReseedingKeepsEditedCreatedAndDeletedRecordsAsTheCuratorLeftThem()
    {
        await using var factory = new Q7x2ApiFactory();
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        await (await curator.PatchAsync("/v1/people/sadyr-japarov", """{ "description": "Edited by a curator." }""")).ReadJsonAsync(HttpStatusCode.OK);
        await (await curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("curator-only-person").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/facts/rustam-emomali-heir-apparent", ifMatch: true)).StatusCode);

        var result = await ReseedAsync(factory);

        Assert.Equal("0 added, 0 changed, 0 removed, 3 kept (curator-owned)", result.ToString());
        var person = await (await curator.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Edited by a curator.", person.GetProperty("description").GetString());
        await (await curator.GetAsync("/v1/people/curator-only-person")).ReadJsonAsync(HttpStatusCode.OK);
        await (await curator.GetAsync("/v1/facts/rustam-emomali-heir-apparent")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    // SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public async Task SeedOwnedRecordsStillFollowTheSeedAndWritesMarkRecordsAsCuratorOwned()
    {
        await using var factory = new Q7x2ApiFactory();
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        await (await curator.PatchAsync("/v1/places/dushanbe", """{ "description": "Edited by a curator." }""")).ReadJsonAsync(HttpStatusCode.OK);

        await using (var db = factory.CreateDb())
        {
            Assert.Equal("curator", db.Entities.Single(e => e.Id == "dushanbe").Origin);
            Assert.Equal("seed", db.Entities.Single(e => e.Id == "khujand").Origin);
            var khujand = db.Entities.Single(e => e.Id == "khujand");
            khujand.Description = "Drifted from the seed.";
            await db.SaveChangesAsync();
        }

        var result = await ReseedAsync(factory);

        Assert.Equal("0 added, 1 changed, 0 removed, 1 kept (curator-owned)", result.ToString());
        var khujandAfter = await (await curator.GetAsync("/v1/places/khujand")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual("Drifted from the seed.", khujandAfter.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SearchReflectsAWriteWithoutARestart()
    {
        await using var factory = new Q7x2ApiFactory();
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        Assert.Empty(await SearchAsync(curator, "Zhaparov"));

        await (await curator.PatchAsync("/v1/people/sadyr-japarov", """{ "name": "Sadyr Zhaparov" }""")).ReadJsonAsync(HttpStatusCode.OK);

        var hits = await SearchAsync(curator, "Zhaparov");
        Assert.Equal("sadyr-japarov", hits[0].GetProperty("id").GetString());
        Assert.Contains(hits, h => h.GetProperty("name").GetString() == "Sadyr Zhaparov – president of – Kyrgyzstan");
        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/facts/rustam-emomali-heir-apparent", ifMatch: true)).StatusCode);
        Assert.DoesNotContain(await SearchAsync(curator, "heir"), h => h.GetProperty("id").GetString() == "rustam-emomali-heir-apparent");
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string q) =>
        [.. (await (await client.GetAsync($"/v1/search?q={Uri.EscapeDataString(q)}&limit=100")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}
