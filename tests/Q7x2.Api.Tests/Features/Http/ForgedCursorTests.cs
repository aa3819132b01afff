using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// A cursor is decoded and type-checked before any query: a forged one (a value its sort field cannot hold, a control
/// character in a value or id) is a 400 problem naming <c>cursor</c>, never a 500.
/// </summary>
public sealed class ForgedCursorTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/events?cursor=eyJzb3J0IjoiZGF0ZSIsInZhbHVlIjoieCIsImlkIjoiYSJ9")]
    [InlineData("/v1/trade-figures?sort=period&cursor=eyJzb3J0IjoicGVyaW9kIiwidmFsdWUiOiIyMDI1LTEzLTQ1IiwiaWQiOiJhIn0")]
    [InlineData("/v1/people?cursor=eyJzb3J0IjoibmFtZSIsInZhbHVlIjoiYVx1MDAwMGIiLCJpZCI6IngifQ")]
    public async Task TheForgedCursorsOfTheIssueAreProblemsNamingCursor(string url) => await AssertCursorProblemAsync(url);

    [Theory]
    [InlineData("/v1/events?sort=-date", "-date", "2025-7-8", "a")]
    [InlineData("/v1/events", "date", null, "a")]
    [InlineData("/v1/agreements", "date", "9999-12-31T00:00", "a")]
    [InlineData("/v1/facts?sort=date", "date", "08/07/2025", "a")]
    [InlineData("/v1/trade-figures?sort=-period", "-period", "", "a")]
    [InlineData("/v1/people", "name", "Sadyr\u001fJaparov", "sadyr-japarov")]
    [InlineData("/v1/people", "name", "Sadyr Japarov", "sadyr\u0000japarov")]
    [InlineData("/v1/entities?sort=-id", "-id", "tajikistan\n", "tajikistan")]
    [InlineData("/v1/observations?sort=metric", "metric", null, "a")]
    [InlineData("/v1/predicates?sort=label", "label", "president of", "")]
    [InlineData("/v1/sources", "id", "a\u007fb", "a")]
    [InlineData("/v1/timeline", "timeline", "2025-13-45/event", "a")]
    [InlineData("/v1/timeline", "timeline", "x/fact", "a")]
    [InlineData("/v1/timeline", "timeline", "2025-07-08/event", "a\u0000")]
    public async Task CursorsWhoseValueOrIdTheSortCannotHoldAreProblems(string list, string sort, string? value, string id) =>
        await AssertCursorProblemAsync($"{list}{(list.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Forge(sort, value, id)}");

    [Theory]
    [InlineData("NaN", "sadyr-japarov")]
    [InlineData("x", "sadyr-japarov")]
    [InlineData("1e999", "sadyr-japarov")]
    [InlineData("3.5", "sadyr\u0000japarov")]
    public async Task ForgedSearchCursorsAreProblems(string score, string id)
    {
        // The cursor carries the right fingerprint of q and kind, so only its keyset is forged.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("japarov\n")))[..16];

        await AssertCursorProblemAsync($"/v1/search?q=japarov&cursor={Forge(fingerprint, score, id)}");
    }

    [Fact]
    public async Task AForgedCursorThatTheSortCanHoldPagesOn()
    {
        var response = await _client.GetAsync($"/v1/events?sort=-date&limit=2&cursor={Forge("-date", "2025-07-09", "zzz")}");

        var page = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(page.GetProperty("items").EnumerateArray(), e =>
            Assert.True(string.CompareOrdinal(e.GetProperty("date").GetProperty("from").GetString(), "2025-07-09") <= 0));
    }

    private async Task AssertCursorProblemAsync(string url)
    {
        var response = await _client.GetAsync(url);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["cursor"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("cursor", errors.GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    private static string Forge(string sort, string? value, string id) =>
        WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new { sort, value, id }));
}
