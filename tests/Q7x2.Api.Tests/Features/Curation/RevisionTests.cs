using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>Every write is a revision; the change feed lists them in commit order, never skipping or repeating one.</summary>
public sealed class RevisionTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    private async Task<List<JsonElement>> FeedAsync(string? after, int limit)
    {
        var url = after is null ? $"/v1/changes?limit={limit}" : $"/v1/changes?limit={limit}&after={after}";
        var page = await (await _curator.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task CreateUpdateAndDeleteAreRevisionsWithWhoWhenBeforeAndAfter()
    {
        await (await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("revised-person").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        await (await _curator.PatchAsync("/v1/people/revised-person", """{ "role": "Former president" }""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await _curator.DeleteAsync("/v1/people/revised-person", ifMatch: true)).StatusCode);

        var revisions = await (await _curator.GetAsync("/v1/people/revised-person/revisions")).ReadJsonAsync(HttpStatusCode.OK);

        var items = revisions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["create", "update", "delete"], items.Select(i => i.GetProperty("operation").GetString()));
        Assert.All(items, i => Assert.Equal("curator-ci", i.GetProperty("actor").GetString()));
        Assert.All(items, i => Assert.True(DateTime.UtcNow - i.GetProperty("at").GetDateTime().ToUniversalTime() < TimeSpan.FromMinutes(5)));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("before").ValueKind);
        Assert.Equal("President", items[0].GetProperty("after").GetProperty("role").GetString());
        Assert.Equal("President", items[1].GetProperty("before").GetProperty("role").GetString());
        Assert.Equal("Former president", items[1].GetProperty("after").GetProperty("role").GetString());
        Assert.Equal("Former president", items[2].GetProperty("before").GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task TheChangeFeedFollowsEveryWriteInCommitOrderFromACursor()
    {
        var start = await FeedAsync(null, 100);
        var cursor = start.Count == 0 ? null : start[^1].GetProperty("cursor").GetString();
        while (cursor is not null && (await FeedAsync(cursor, 100)) is { Count: > 0 } more)
        {
            cursor = more[^1].GetProperty("cursor").GetString();
        }

        await (await _curator.PostAsync("/v1/facts", TestKeys.Json(CurationClient.Fact("feed-fact").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        await (await _curator.PatchAsync("/v1/facts/feed-fact", """{ "note": "one" }""")).ReadJsonAsync(HttpStatusCode.OK);
        await (await _curator.PatchAsync("/v1/facts/feed-fact", """{ "note": "two" }""")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await _curator.DeleteAsync("/v1/facts/feed-fact", ifMatch: true)).StatusCode);

        var seen = new List<JsonElement>();
        for (var batch = await FeedAsync(cursor, 1); batch.Count > 0; batch = await FeedAsync(cursor, 1))
        {
            seen.AddRange(batch);
            cursor = batch[^1].GetProperty("cursor").GetString();
        }

        var mine = seen.Where(c => c.GetProperty("id").GetString() == "feed-fact").ToList();
        Assert.Equal(["create", "update", "update", "delete"], mine.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal("two", mine[2].GetProperty("after").GetProperty("note").GetString());
        Assert.Equal(seen.Count, seen.Select(c => c.GetProperty("cursor").GetString()).Distinct().Count());
        Assert.Empty(await FeedAsync(cursor, 100));
    }

    [Fact]
    public async Task TheRevisionsOfARecordThatNeverExistedAreNotFound()
    {
        await (await _curator.GetAsync("/v1/facts/never-existed/revisions")).ReadProblemAsync(HttpStatusCode.NotFound);
        var seeded = await (await _curator.GetAsync("/v1/facts/rustam-emomali-heir-apparent/revisions")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, seeded.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task ABadChangeCursorIsAValidationProblem()
    {
        var problem = await (await _curator.GetAsync("/v1/changes?after=nonsense")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _));
    }
}
