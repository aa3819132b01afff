using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Timeline;

internal static class TimelineEndpoints
{
    public static RouteGroupBuilder MapTimeline(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/timeline").WithTags("Timeline");
        group.MapGet("/", GetTimeline).ProducesCsv().SelectsFields().ReadsAsOf().WithName(nameof(GetTimeline))
            .WithSummary("Get the timeline")
            .WithDescription("Events and dated facts in time order: by the first day of their date interval, then events before facts, then by id. "
                + "Undated events and facts are not on the timeline. From the independence of the Central Asian states in late 1991 and the April 2021 "
                + "border clashes to the proposals Japarov made during his July 8-9, 2025 state visit. Filter by a `from`/`to` range (matched by overlap), "
                + "`country` (e.g. `tajikistan`) or `person` (e.g. `sadyr-japarov`). Keyset paging: follow `next` until it is null.")
            .WithParameterExamples(("from", "2025-01-01"), ("to", "2025-12-31"), ("country", "tajikistan"), ("person", "sadyr-japarov"), ("limit", 20))
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<TimelineItem>>> GetTimeline(
        [AsParameters] TimelineQuery query, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await TimelineReader.PageAsync(db, query, http, ct));
}
