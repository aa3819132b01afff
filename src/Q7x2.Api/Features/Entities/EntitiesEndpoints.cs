using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

internal static class EntitiesEndpoints
{
    public static RouteGroupBuilder MapEntities(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/entities").WithTags("Entities");
        group.MapGet("/", ListEntities).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListEntities))
            .WithSummary("List entities of every kind")
            .WithDescription("Every person, country, place, organisation, event, agreement and border crossing the sources name, with the fields all kinds share. Filter by `kind` (e.g. `border-crossing` for the Tajvaron-Karamyk crossing and the two reopened western crossings); the typed collections add each kind's own fields.")
            .WithParameterExamples(("kind", "border-crossing"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetEntity).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetEntity))
            .WithSummary("Get an entity of any kind")
            .WithDescription("One entity of any kind (e.g. `tajvaron-karamyk-crossing` or `sadyr-japarov`) with the facts in which it is subject or object and the quotes that support them. Its kind's collection adds the kind-specific fields.")
            .WithParameterExamples(("id", "tajvaron-karamyk-crossing"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        group.MapGet("/{id}/backlinks", ListBacklinks).ProducesCsv().SelectsFields().ReadsAsOf().WithName(nameof(ListBacklinks))
            .WithSummary("List the records that point at an entity in one way")
            .WithDescription("One group of an entity's backlinks, whole and keyset-paged in time order (undated last): e.g. the events "
                + "`sadyr-japarov` took part in (`relation=participant&kind=event`), or the observations about `kyrgyzstan` "
                + "(`relation=subject&kind=observation`). A detail embeds each group's first 20 and links here for the rest (`more`).")
            .WithParameterExamples(("id", "sadyr-japarov"), ("relation", "participant"), ("kind", "event"), ("limit", 20))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<EntityResponse>>> ListEntities(
        [AsParameters] EntitiesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var entities = db.Entities.AsNoTracking();
        entities = entities.WhereGiven(query.Kind, kind => e => e.Kind == kind);

        return TypedResults.Ok(await EntityQueries.PageAsync(db, entities, EntityQueries.ByName, query.Sort, query, http, Map, ct));
    }

    private static async Task<Results<Ok<EntityResponse>, ProblemHttpResult>> GetEntity(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, null, id, Map, ct, query.Parts) is { } entity
            ? TypedResults.Ok(entity)
            : ProblemSetup.NotFound("entity", id);

    private static async Task<Results<Ok<Page<BacklinkResponse>>, ProblemHttpResult>> ListBacklinks(
        string id, [AsParameters] BacklinksQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        if (!await db.Entities.AnyAsync(e => e.Id == id, ct))
        {
            return ProblemSetup.NotFound("entity", id);
        }

        return TypedResults.Ok(await Backlinks.PageAsync(db, id, Backlinks.Group(query.Relation!, query.Kind!)!, query, http, ct));
    }

    private static EntityResponse Map(Entity e, EntityContext _) => EntityContext.Base<EntityResponse>(e);
}
