using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.BorderCrossings;

internal static class BorderCrossingsEndpoints
{
    public static RouteGroupBuilder MapBorderCrossings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/border-crossings").WithTags("Border crossings");
        group.MapGet("/", ListBorderCrossings).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListBorderCrossings))
            .WithSummary("List border crossings")
            .WithDescription("Border crossings the sources name, with their status, countries, the places they connect and when they opened: the Tajvaron-Karamyk crossing between the Chong-Alai and Lakhsh districts, and the two western Kyrgyz-Tajik crossings reopened after the March 2025 border agreement. Filter by `country` (e.g. `kyrgyzstan`), `status` (e.g. `reopened`) or `connects` (e.g. `lakhsh-district`).")
            .WithParameterExamples(("country", "kyrgyzstan"), ("status", "reopened"), ("connects", "lakhsh-district"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetBorderCrossing).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetBorderCrossing))
            .WithSummary("Get a border crossing")
            .WithDescription("One border crossing (e.g. `tajvaron-karamyk-crossing`) with the facts in which it is subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "tajvaron-karamyk-crossing"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<BorderCrossingResponse>>> ListBorderCrossings(
        [AsParameters] BorderCrossingsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var crossings = db.OfKind(EntityKind.BorderCrossing);
        crossings = crossings.WhereGiven(query.Country, country => e => e.Links.Any(l => l.Role == LinkRole.Country && l.TargetId == country));
        crossings = crossings.WhereGiven(query.Status, status => e => e.Status == status);
        crossings = crossings.WhereGiven(query.Connects, connects => e => e.Links.Any(l => l.Role == LinkRole.Connects && l.TargetId == connects));

        return TypedResults.Ok(await EntityQueries.PageAsync(
            db, crossings, EntityQueries.ByName, query.Sort, query, http, BorderCrossingResponse.Map, ct));
    }

    private static async Task<Results<Ok<BorderCrossingResponse>, ProblemHttpResult>> GetBorderCrossing(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.BorderCrossing, id, BorderCrossingResponse.Map, ct, query.Parts) is { } crossing
            ? TypedResults.Ok(crossing)
            : ProblemSetup.NotFound("border crossing", id);
}
