using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.People;

internal static class PeopleEndpoints
{
    public static RouteGroupBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/people").WithTags("People");
        group.MapGet("/", ListPeople).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListPeople))
            .WithSummary("List people")
            .WithDescription("People the sources name, with their country and role. Filter by `country` (e.g. `tajikistan`) or `role` (e.g. `president`).")
            .WithParameterExamples(("country", "tajikistan"), ("role", "president"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetPerson).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetPerson))
            .WithSummary("Get a person")
            .WithDescription("One person (e.g. `sadyr-japarov`) with the facts in which they are subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "sadyr-japarov"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<PersonResponse>>> ListPeople(
        [AsParameters] PeopleQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var people = db.OfKind(EntityKind.Person);
        people = people.WhereGiven(query.Country, country => e => e.CountryId == country);

        if (query.Role is not null)
        {
            var role = query.Role.ToLowerInvariant();
            people = people.Where(e => e.Role != null && e.Role.ToLower().Contains(role));
        }

        return TypedResults.Ok(await EntityQueries.PageAsync(db, people, EntityQueries.ByName, query.Sort, query, http, PersonResponse.Map, ct));
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetPerson(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Person, id, PersonResponse.Map, ct, query.Parts) is { } person
            ? TypedResults.Ok(person)
            : ProblemSetup.NotFound("person", id);
}
