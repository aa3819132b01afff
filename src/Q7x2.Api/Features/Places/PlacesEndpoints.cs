using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Places;

internal static class PlacesEndpoints
{
    public static RouteGroupBuilder MapPlaces(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/places").WithTags("Places");
        group.MapGet("/", ListPlaces).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListPlaces))
            .WithSummary("List places")
            .WithDescription("Places the sources name, with their type, country and enclosing place: cities such as Dushanbe and Khujand, the Chong-Alai and Lakhsh districts, the Ferghana Valley. Filter by `country` (e.g. `tajikistan`), `type` (e.g. `district`) or `partOf` (e.g. `kyrgyz-tajik-border-area`).")
            .WithParameterExamples(("country", "tajikistan"), ("type", "district"), ("partOf", "kyrgyz-tajik-border-area"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetPlace).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetPlace))
            .WithSummary("Get a place")
            .WithDescription("One place (e.g. `lakhsh-district`, formerly Jirgatal) with the facts in which it is subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "lakhsh-district"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<PlaceResponse>>> ListPlaces(
        [AsParameters] PlacesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var places = db.OfKind(EntityKind.Place);
        places = places.WhereGiven(query.Country, country => e => e.CountryId == country);
        places = places.WhereGiven(query.Type, type => e => e.Subtype == type);
        places = places.WhereGiven(query.PartOf, partOf => e => e.PartOfId == partOf);

        return TypedResults.Ok(await EntityQueries.PageAsync(db, places, EntityQueries.ByName, query.Sort, query, http, PlaceResponse.Map, ct));
    }

    private static async Task<Results<Ok<PlaceResponse>, ProblemHttpResult>> GetPlace(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Place, id, PlaceResponse.Map, ct, query.Parts) is { } place
            ? TypedResults.Ok(place)
            : ProblemSetup.NotFound("place", id);
}
