using System.Net;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>A claim's quote and a coverage note's quote hold offsets into their source's text, as evidence does.</summary>
public sealed class QuotedSourceTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Text = "Trade grew 15 times. A heading";

    private async Task<HttpClient> SourceAsync(string id)
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var source = $$"""{ "id": "{{id}}", "title": "A curated note", "publisher": "Test", "language": "en", "text": "{{Text}}" }""";
        await (await curator.PostAsync("/v1/sources", TestKeys.Json(source))).ReadJsonAsync(HttpStatusCode.Created);
        return curator;
    }

    [Fact]
    public async Task ASourceThatAClaimQuotesKeepsItsTextAndCannotBeDeleted()
    {
        var curator = await SourceAsync("claimed-source");
        await using (var db = factory.CreateDb())
        {
            db.Claims.Add(new Claim
            {
                Id = "claimed-source-growth", SourceId = "claimed-source", Rule = ClaimRules.Count, Unit = "count", StatedValue = 15,
                QualifierId = "exactly", Missing = "nothing to count", Start = 0, End = 19, Exact = "Trade grew 15 times", Prefix = "", Suffix = ". A heading",
            });
            await db.SaveChangesAsync();
        }

        var edit = await (await curator.PatchAsync("/v1/sources/claimed-source", """{ "text": "Trade fell." }""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("claims", edit.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        var delete = await (await curator.DeleteAsync("/v1/sources/claimed-source", ifMatch: true)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["claims/claimed-source-growth"], delete.GetProperty("referencedBy").EnumerateArray().Select(r => r.GetString()));

        var source = await (await curator.GetAsync("/v1/sources/claimed-source")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Text, source.GetProperty("text").GetString());
        var claim = await (await curator.GetAsync("/v1/claims/claimed-source-growth")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Trade grew 15 times", claim.GetProperty("evidence")[0].GetProperty("exact").GetString());
    }

    [Fact]
    public async Task ASourceWithCoverageNotesKeepsItsTextAndTakesTheNotesWithItWhenDeleted()
    {
        var curator = await SourceAsync("noted-source");
        await using (var db = factory.CreateDb())
        {
            db.CoverageNotes.Add(new CoverageNote { SourceId = "noted-source", Position = 0, Kind = "reason", Reason = "heading", Start = 21, End = 30, Exact = "A heading" });
            await db.SaveChangesAsync();
        }

        var coverage = await (await curator.GetAsync("/v1/sources/noted-source/coverage")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1, 0.5m), (coverage.GetProperty("withData").GetInt32(), coverage.GetProperty("withReason").GetInt32(), coverage.GetProperty("coverage").GetDecimal()));
        await (await curator.PatchAsync("/v1/sources/noted-source", """{ "text": "Another text." }""")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.NoContent, (await curator.DeleteAsync("/v1/sources/noted-source", ifMatch: true)).StatusCode);
        await using var after = factory.CreateDb();
        Assert.DoesNotContain(after.CoverageNotes, n => n.SourceId == "noted-source");
    }
}
