using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Api.Features.Sources;

internal static class SourceCoverageEndpoints
{
    public static RouteHandlerBuilder MapSourceCoverage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/sources/{id}/coverage", GetSourceCoverage).ReadsAsOf().WithTags("Sources").WithName(nameof(GetSourceCoverage))
            .WithSummary("Get how much of a source became data")
            .WithDescription("The source split into sentences (code-point spans, by the rule in `rule`), each with the records whose evidence "
                + "falls in it, or the curated reason it yields none (`heading`, `opinion`, `colour`, `repetition`, `framing`), and the "
                + "coverage: sentences with data or a reason over all sentences. Every sentence of the Japarov visit article is accounted for.")
            .WithParameterExamples(("id", "kyrgyz-president-visits-tajikistan"))
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<SourceCoverageResponse>, ProblemHttpResult>> GetSourceCoverage(string id, Q7x2Db db, CancellationToken ct)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Text, s.TextRedistributable }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return ProblemSetup.NotFound("source", id);
        }

        var notes = await db.CoverageNotes.AsNoTracking().Where(n => n.SourceId == id).OrderBy(n => n.Position).ToListAsync(ct);
        var spans = await db.Evidence.AsNoTracking().Where(v => v.SourceId == id).OrderBy(v => v.Start).ThenBy(v => v.Id).ToListAsync(ct);
        var ownerOf = await EvidenceOwners.OfAsync(db, spans, ct);
        var quoted = spans.Select(v => (v.Start, v.End, Owner: ownerOf(v))).ToList();
        // A claim is a record of the source too: its quote covers the sentence it is in.
        quoted.AddRange((await db.Claims.AsNoTracking().Where(c => c.SourceId == id).Select(c => new { c.Id, c.Start, c.End }).ToListAsync(ct))
            .Select(c => (c.Start, c.End, Owner: new EvidenceOwner("claim", c.Id, c.Id))));
        quoted.Sort((a, b) => a.Start.CompareTo(b.Start));

        var sentences = Sentences.Split(source.Text,
            notes.Where(n => n.Kind == CoverageNotes.Join).Select(n => (n.Start, n.End)), notes.Where(n => n.Kind == CoverageNotes.Split).Select(n => n.Start));
        var reasons = notes.Where(n => n.Kind == CoverageNotes.Reason).ToList();
        var items = sentences.Select((s, index) =>
        {
            var records = quoted.Where(q => q.Start < s.End && q.End > s.Start).Select(q => q.Owner).DistinctBy(o => (o.Type, o.Id)).ToList();
            var why = reasons.Where(r => r.Start < s.End && r.End > s.Start)
                .Select(r => new CoverageReasonResponse(r.Reason!, r.Note, r.Exact, r.Start, r.End)).ToList();
            var status = records.Count > 0 ? "data" : why.Count > 0 ? "reason" : "uncovered";
            return new SentenceCoverageResponse(index, s.Start, s.End, source.TextRedistributable ? CodePoints.Slice(source.Text, s.Start, s.End) : null,
                status, records, why);
        }).ToList();
        var withData = items.Count(i => i.Status == "data");
        var withReason = items.Count(i => i.Status == "reason");
        var coverage = items.Count == 0 ? 1m : Math.Round((decimal)(withData + withReason) / items.Count, 4, MidpointRounding.AwayFromZero);
        return TypedResults.Ok(new SourceCoverageResponse(id, Sentences.Rule, items.Count, withData, withReason, items.Count - withData - withReason,
            coverage, items));
    }
}
