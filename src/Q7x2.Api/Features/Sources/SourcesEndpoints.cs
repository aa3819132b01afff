using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Sources;

internal static class SourcesEndpoints
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sources").WithTags("Sources");
        group.MapGet("/", ListSources).ProducesCsv().SelectsFields().ReadsAsOf().WithName(nameof(ListSources))
            .WithSummary("List sources")
            .WithDescription("The source documents facts are taken from, ordered by id, without their text. Keyset paging: follow `next` (or the `Link: rel=\"next\"` header) until it is null.")
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetSource).SelectsFields().ReadsAsOf().WithName(nameof(GetSource))
            .WithSummary("Get a source with its text")
            .WithDescription("One source document with its full stored text and its terms (`license`, `rightsHolder`, `url`, null when unknown). "
                + "Evidence `start`/`end` offsets count Unicode code points of this text, end exclusive. A source whose terms keep its text from "
                + "being redistributed (`textRedistributable: false`) has `text: null`; its quotes and offsets are still served.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<Page<SourceSummary>>> ListSources(
        [AsParameters] SourcesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var page = await db.Sources.AsNoTracking().PageAsync(SourcesQuery.Sorts, query.Sort, query, http,
            rows => rows.Select(s => new Source // everything but the text, which lists leave out
            {
                Id = s.Id, Title = s.Title, Publisher = s.Publisher, Language = s.Language, Published = s.Published,
                Text = "", Sha256 = s.Sha256, CharCount = s.CharCount, License = s.License, RightsHolder = s.RightsHolder, Url = s.Url,
                TextRedistributable = s.TextRedistributable,
            }), ct);
        return TypedResults.Ok(page.Map(SourceSummary.Of));
    }

    private static async Task<Results<Ok<SourceDetail>, ProblemHttpResult>> GetSource(string id, Q7x2Db db, CancellationToken ct)
    {
        var source = await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null)
        {
            return ProblemSetup.NotFound("source", id);
        }

        return TypedResults.Ok(SourceDetail.Of(source));
    }
}
