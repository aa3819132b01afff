using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Agreements;

internal static class AgreementsEndpoints
{
    public static RouteGroupBuilder MapAgreements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/agreements").WithTags("Agreements");
        group.MapGet("/", ListAgreements).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListAgreements))
            .WithSummary("List agreements")
            .WithDescription("Agreements the sources speak of, in date order (undated last): the March 2025 Kyrgyz-Tajik border delimitation agreement, "
                + "the 14 agreements signed during Japarov's July 2025 visit, the trilateral border agreement. Filter by `party` (e.g. `uzbekistan`), "
                + "`event`, `type` and a `from`/`to` range that matches fuzzy dates by overlap.")
            .WithParameterExamples(("party", "kyrgyzstan"), ("event", "japarov-state-visit-to-tajikistan-2025"), ("type", "border-delimitation"),
                ("from", "2025-01-01"), ("to", "2025-12-31"), ("sort", "date"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetAgreement).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetAgreement))
            .WithSummary("Get an agreement")
            .WithDescription("One agreement (e.g. `kyrgyz-tajik-agreements-2025`, the 14 agreements of July 2025, with the areas they cover) "
                + "with its parties, the facts in which it is subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "kyrgyz-tajik-agreements-2025"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<AgreementResponse>>> ListAgreements(
        [AsParameters] AgreementsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var agreements = db.OfKind(EntityKind.Agreement).Overlapping(query.FromDate, query.ToDate);
        agreements = agreements.WhereGiven(query.Party, party => e => e.Links.Any(l => l.Role == LinkRole.Party && l.TargetId == party));
        agreements = agreements.WhereGiven(query.Event, @event => e => e.EventId == @event);
        agreements = agreements.WhereGiven(query.Type, type => e => e.Subtype == type);

        return TypedResults.Ok(await EntityQueries.PageAsync(db, agreements, EntityQueries.ByDate, query.Sort, query, http, AgreementResponse.Map, ct));
    }

    private static async Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> GetAgreement(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Agreement, id, AgreementResponse.Map, ct, query.Parts) is { } found
            ? TypedResults.Ok(found)
            : ProblemSetup.NotFound("agreement", id);
}
