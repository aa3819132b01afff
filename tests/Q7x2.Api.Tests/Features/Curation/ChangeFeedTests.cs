using System.Net;
using System.Text.Json;
using System.Security.Cryptography;
using System.Text;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

public sealed class ChangeFeedTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Text = "Rustam Emomali chairs the upper house – “so the article says”. Emomali Rahmon is the president.";

    [Fact]
    public async Task TheFeedCarriesASourcesTextAsItsHashAndLengthWhileItsRevisionsKeepTheText()
    {
        // The feed starts with the seed's first load: read on from its last change.
        var last = await LastCursorAsync(factory.CreateClient());
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var source = $$"""{ "id": "feed-source", "title": "A curated note", "publisher": "Test", "language": "en", "text": "{{Text}}" }""";
        await (await curator.PostAsync("/v1/sources", TestKeys.Json(source))).ReadJsonAsync(HttpStatusCode.Created);
        await (await curator.PatchAsync("/v1/sources/feed-source", """{ "title": "A retitled note" }""")).ReadJsonAsync(HttpStatusCode.OK);

        var feed = await (await factory.CreateClient().GetAsync($"/v1/changes?limit=100&after={Uri.EscapeDataString(last)}")).ReadJsonAsync(HttpStatusCode.OK);

        var changes = feed.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("id").GetString() == "feed-source").ToList();
        Assert.Equal(["create", "update"], changes.Select(c => c.GetProperty("operation").GetString()));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
        var sides = new[] { changes[0].GetProperty("after"), changes[1].GetProperty("before"), changes[1].GetProperty("after") };
        foreach (var side in sides)
        {
            Assert.False(side.TryGetProperty("text", out _), side.ToString());
            Assert.Equal(sha256, side.GetProperty("textSha256").GetString());
            Assert.Equal(Text.EnumerateRunes().Count(), side.GetProperty("textLength").GetInt32());
        }

        Assert.Equal("A retitled note", changes[1].GetProperty("after").GetProperty("title").GetString());
        var detail = await (await factory.CreateClient().GetAsync("/v1/sources/feed-source")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(sha256, detail.GetProperty("sha256").GetString());

        var history = await (await factory.CreateClient().GetAsync("/v1/sources/feed-source/revisions")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(history.GetProperty("items").EnumerateArray(), r => Assert.Equal(Text, r.GetProperty("after").GetProperty("text").GetString()));
    }

    private static async Task<string> LastCursorAsync(HttpClient client)
    {
        var url = "/v1/changes?limit=100";
        var last = "";
        while (url is not null)
        {
            var page = await (await client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            last = page.GetProperty("items").EnumerateArray().LastOrDefault() is { ValueKind: JsonValueKind.Object } item ? item.GetProperty("cursor").GetString()! : last;
            url = page.GetProperty("next").GetString() is { } next ? $"/v1/changes?limit=100&after={Uri.EscapeDataString(next)}" : null;
        }

        Assert.NotEqual("", last);
        return last;
    }
}
