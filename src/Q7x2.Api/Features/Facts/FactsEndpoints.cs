using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Facts;

internal static class FactsEndpoints
{
    public static RouteGroupBuilder MapFacts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/facts").WithTags("Facts");
        group.MapGet("/", ListFacts).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListFacts))
            .WithSummary("List facts")
            .WithDescription("Statements of the form subject – predicate – object entity or literal value, with date, modality, attribution and evidence. "
                + "Filter by `subject`, `object`, `entity` (either side), `predicate` (e.g. `president-of`), `modality`, `source` and a date range: "
                + "`modality=discussed` returns the talks about free economic zones, which were discussed, not agreed.")
            .WithParameterExamples(("subject", "rustam-emomali"), ("object", "emomali-rahmon"), ("entity", "sadyr-japarov"),
                ("predicate", "president-of"), ("modality", "discussed"), ("source", "kyrgyz-president-visits-tajikistan"),
                ("from", "2025-07-08"), ("to", "2025-07-09"), ("sort", "date"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetFact).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetFact))
            .WithSummary("Get a fact")
            .WithDescription("One fact (e.g. `rustam-emomali-heir-apparent`, the author's judgement that Rustam Emomali seems to be the heir apparent) with the quotes that support it.")
            .WithParameterExamples(("id", "rustam-emomali-heir-apparent"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<FactResponse>>> ListFacts(
        [AsParameters] FactsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var page = await db.Facts.AsNoTracking().Matching(query, db).PageAsync(FactsQuery.Sorts, query.Sort, query, http, ct);
        return TypedResults.Ok(page.With(await RecordLoader.FactsAsync(db, [.. page.Items], ct)));
    }

    private static async Task<Results<Ok<FactResponse>, ProblemHttpResult>> GetFact(string id, Q7x2Db db, CancellationToken ct)
    {
        var fact = await RecordLoader.FactByIdAsync(db, id, ct);
        return fact.Count == 0
            ? ProblemSetup.NotFound("fact", id)
            : TypedResults.Ok((await RecordLoader.FactsAsync(db, fact, ct))[0]);
    }
}
