using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Observations;

internal static class ObservationsEndpoints
{
    public static RouteGroupBuilder MapObservations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/observations").WithTags("Observations");
        group.MapGet("/", ListObservations).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListObservations))
            .WithSummary("List observations")
            .WithDescription("Quantities the sources state, with metric, subjects, value, unit, comparator and period: Tajikistan's population of more than 10 million "
                + "is `population` `gt` 10000000 `person`, never `eq`. Filter by `metric`, `subject`, `unit` and a period range (overlap).")
            .WithParameterExamples(("metric", "bilateral-trade-value"), ("subject", "tajikistan"), ("unit", "USD"),
                ("from", "2025-01-01"), ("to", "2025-12-31"), ("sort", "metric"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetObservation).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetObservation))
            .WithSummary("Get an observation")
            .WithDescription("One observation (e.g. `kyrgyz-tajik-trade-jan-may-2025`, the $6.35 million of Kyrgyz-Tajik trade in January-May 2025) with the quotes that support it.")
            .WithParameterExamples(("id", "kyrgyz-tajik-trade-jan-may-2025"))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<ObservationResponse>>> ListObservations(
        [AsParameters] ObservationsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var observations = db.Observations.AsNoTracking()
            .WhereGiven(query.Metric, metric => o => o.Metric == metric)
            .WhereGiven(query.Unit, unit => o => o.Unit == unit)
            .Overlapping(query.FromDate, query.ToDate);
        observations = query.Subject is { } subject ? observations.AboutSubject(db, subject) : observations;
        var page = await observations.PageAsync(ObservationsQuery.Sorts, query.Sort, query, http, ct);
        return TypedResults.Ok(page.With(await ObservationQueries.ResponsesAsync(db, page.Items, ct)));
    }

    private static async Task<Results<Ok<ObservationResponse>, ProblemHttpResult>> GetObservation(string id, Q7x2Db db, CancellationToken ct)
    {
        var rows = await ObservationQueries.ByIdAsync(db, id, ct);
        return rows.Count == 0
            ? ProblemSetup.NotFound("observation", id)
            : TypedResults.Ok((await ObservationQueries.ResponsesAsync(db, rows, ct))[0]);
    }
}
