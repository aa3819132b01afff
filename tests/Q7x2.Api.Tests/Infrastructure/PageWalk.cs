using System.Net;
using System.Text.Json;

namespace Q7x2.Api.Tests.Infrastructure;

internal static class PageWalk
{
    private const int MaxPages = 1000;

    /// <summary>The ids of a page's items, in order.</summary>
    public static List<string> Ids(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    /// <summary>
    /// Follows <c>Link: rel="next"</c> from a first page to the last and returns every item, asserting on each page
    /// that the body's <c>next</c> and the header agree.
    /// </summary>
    public static async Task<List<JsonElement>> WalkAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        for (var (next, pages) = (url, 0); next is not null; pages++)
        {
            Assert.True(pages < MaxPages, $"more than {MaxPages} pages from {url}: the cursor does not advance");
            var response = await client.GetAsync(next);
            var page = await response.ReadJsonAsync(HttpStatusCode.OK);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            var cursor = page.GetProperty("next").GetString();
            Assert.Equal(cursor is null, !response.Headers.Contains("Link"));
            next = cursor is null ? null : response.Headers.GetValues("Link").Single().Split('<', '>')[1];
        }

        return items;
    }
}
