using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Sources;

internal static class SourceEvidenceEndpoints
{
    public static RouteHandlerBuilder MapSourceEvidence(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/sources/{id}/evidence", ListSourceEvidence).ProducesCsv().SelectsFields().ReadsAsOf().WithTags("Sources").WithName(nameof(ListSourceEvidence))
            .WithSummary("List the evidence spans of a source")
            .WithDescription("Every quote of a source that supports a record, in text order (start, then evidence id), each with its owner: "
                + "the entity, fact or observation it supports. In the Japarov visit article, \"Tajik President Emomali Rahmon\" supports Rahmon, "
                + "Tajikistan and the facts that he is president of Tajikistan and Rustam Emomali's father. `text[start:end] == exact` in code points.")
            .WithParameterExamples(("id", "kyrgyz-president-visits-tajikistan"), ("limit", 20))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<Page<SourceEvidenceResponse>>, ProblemHttpResult>> ListSourceEvidence(
        string id, [AsParameters] SourceEvidenceQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        if (!await db.Sources.AnyAsync(s => s.Id == id, ct))
        {
            return ProblemSetup.NotFound("source", id);
        }

        var spans = db.Evidence.AsNoTracking().Where(v => v.SourceId == id);
        int? total = query.Count == true ? await spans.CountAsync(ct) : null;
        if (query.Position is (var start, var last))
        {
            spans = spans.Where(v => v.Start > start || (v.Start == start && v.Id > last));
        }

        var rows = await spans.OrderBy(v => v.Start).ThenBy(v => v.Id).Take(query.Take() + 1).ToListAsync(ct);
        var page = rows.ToPage(query, SourceEvidenceQuery.CursorOf, http, total);
        var ownerOf = await EvidenceOwners.OfAsync(db, page.Items, ct);
        return TypedResults.Ok(page.Map(v => new SourceEvidenceResponse(v.SourceId, v.Start, v.End, v.Exact, v.Prefix, v.Suffix, ownerOf(v))));
    }
}
