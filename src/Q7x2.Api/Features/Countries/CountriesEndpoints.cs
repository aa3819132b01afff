using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Countries;

internal static class CountriesEndpoints
{
    public static RouteGroupBuilder MapCountries(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/countries").WithTags("Countries");
        group.MapGet("/", ListCountries).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListCountries))
            .WithSummary("List countries")
            .WithDescription("Countries the sources name (Kyrgyzstan, Tajikistan, Uzbekistan), with their ISO 3166-1 alpha-2 code. Filter by `isoCode` (e.g. `TJ`).")
            .WithParameterExamples(("isoCode", "TJ"), ("sort", "name"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetCountry).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetCountry))
            .WithSummary("Get a country")
            .WithDescription("One country (e.g. `tajikistan`) with the facts in which it is subject or object (its capital Dushanbe, its president Emomali Rahmon, the Ferghana Valley it shares) and the quotes that support them.")
            .WithParameterExamples(("id", "tajikistan"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<CountryResponse>>> ListCountries(
        [AsParameters] CountriesQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var countries = db.OfKind(EntityKind.Country);
        countries = countries.WhereGiven(query.IsoCode, isoCode => e => e.IsoCode == isoCode);

        return TypedResults.Ok(await EntityQueries.PageAsync(db, countries, EntityQueries.ByName, query.Sort, query, http, CountryResponse.Map, ct));
    }

    private static async Task<Results<Ok<CountryResponse>, ProblemHttpResult>> GetCountry(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Country, id, CountryResponse.Map, ct, query.Parts) is { } country
            ? TypedResults.Ok(country)
            : ProblemSetup.NotFound("country", id);
}
