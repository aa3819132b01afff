using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Predicates;

internal static class PredicatesEndpoints
{
    public static RouteGroupBuilder MapPredicates(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/predicates").WithTags("Predicates");
        group.MapGet("/", ListPredicates).ProducesCsv().SelectsFields().ReadsAsOf().WithName(nameof(ListPredicates))
            .WithSummary("List predicates")
            .WithDescription("The controlled vocabulary of fact predicates, with labels both ways and how many facts use each: "
                + "`son-of` reads \"son of\" from Rustam Emomali and \"son\" from Emomali Rahmon; `discussed-topic` marks topics discussed, not agreed.")
            .WithParameterExamples(("sort", "label"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetPredicate).SelectsFields().ReadsAsOf().WithName(nameof(GetPredicate))
            .WithSummary("Get a predicate")
            .WithDescription("One predicate (e.g. `president-of`, used by the facts that Japarov, Rahmon and Mirziyoyev are presidents) with its fact count.")
            .WithParameterExamples(("id", "president-of"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<PredicateResponse>>> ListPredicates(
        [AsParameters] PredicatesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var page = await db.Predicates.AsNoTracking().PageAsync(PredicatesQuery.Sorts, query.Sort, query, http,
            rows => WithCounts(rows, db), row => row.Predicate, ct);
        return TypedResults.Ok(page.Map(PredicateResponse.Of));
    }

    private static async Task<Results<Ok<PredicateResponse>, ProblemHttpResult>> GetPredicate(string id, Q7x2Db db, CancellationToken ct) =>
        await WithCounts(db.Predicates.AsNoTracking().Where(p => p.Id == id), db).FirstOrDefaultAsync(ct) is { } row
            ? TypedResults.Ok(PredicateResponse.Of(row))
            : ProblemSetup.NotFound("predicate", id);

    private static IQueryable<PredicateRow> WithCounts(IQueryable<Predicate> predicates, Q7x2Db db) =>
        predicates.Select(p => new PredicateRow(p, db.Facts.Count(f => f.PredicateId == p.Id)));
}
