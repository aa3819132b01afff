using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Organizations;

internal static class OrganizationsEndpoints
{
    public static RouteGroupBuilder MapOrganizations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/organizations").WithTags("Organizations");
        group.MapGet("/", ListOrganizations).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListOrganizations))
            .WithSummary("List organisations")
            .WithDescription("Organisations the sources name, with their type and country: the Kyrgyz and Tajik health and labor ministries, Tajikistan’s Honor Guard, The Times of Central Asia. Filter by `country` (e.g. `kyrgyzstan`) or `type` (e.g. `ministry`).")
            .WithParameterExamples(("country", "kyrgyzstan"), ("type", "ministry"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetOrganization).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetOrganization))
            .WithSummary("Get an organisation")
            .WithDescription("One organisation (e.g. `tajikistan-honor-guard`) with the facts in which it is subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "tajikistan-honor-guard"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<OrganizationResponse>>> ListOrganizations(
        [AsParameters] OrganizationsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var organizations = db.OfKind(EntityKind.Organization);
        organizations = organizations.WhereGiven(query.Country, country => e => e.CountryId == country);
        organizations = organizations.WhereGiven(query.Type, type => e => e.Subtype == type);

        return TypedResults.Ok(await EntityQueries.PageAsync(
            db, organizations, EntityQueries.ByName, query.Sort, query, http, OrganizationResponse.Map, ct));
    }

    private static async Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> GetOrganization(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Organization, id, OrganizationResponse.Map, ct, query.Parts) is { } organization
            ? TypedResults.Ok(organization)
            : ProblemSetup.NotFound("organization", id);
}
