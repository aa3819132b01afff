using Q7x2.Api.Features.Agreements;
using Q7x2.Api.Features.BorderCrossings;
using Q7x2.Api.Features.Countries;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Facts;
using Q7x2.Api.Features.Observations;
using Q7x2.Api.Features.Organizations;
using Q7x2.Api.Features.People;
using Q7x2.Api.Features.Places;
using Q7x2.Api.Features.Sources;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// The writes of every curated resource (each maps its own named handlers, in its feature folder) and what they share:
/// the curator-only group and the documentation of each operation.
/// </summary>
internal static class CurationEndpoints
{
    public static IServiceCollection AddQ7x2Curation(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQ7x2ApiKeys(configuration).AddSingleton<WriteGate>().AddSingleton<ETags>().AddScoped<CurationWriter>();

    public static IEndpointRouteBuilder MapCuration(this IEndpointRouteBuilder routes)
    {
        routes.MapPeopleWrites();
        routes.MapCountryWrites();
        routes.MapPlaceWrites();
        routes.MapOrganizationWrites();
        routes.MapEventWrites();
        routes.MapAgreementWrites();
        routes.MapBorderCrossingWrites();
        routes.MapFactWrites();
        routes.MapObservationWrites();
        routes.MapSourceWrites();
        return routes;
    }

    /// <summary>The resource's group (its revisions are public) and, inside it, its writes, which need a curator key.</summary>
    public static (RouteGroupBuilder Group, RouteGroupBuilder Writes) MapCurationGroups<TInput, TResponse>(
        this IEndpointRouteBuilder routes, CuratedStore<TInput, TResponse> store, string tag)
        where TInput : class
        where TResponse : class
    {
        var group = routes.MapGroup($"/v1/{store.Resource}").WithTags(tag);
        var writes = group.MapGroup("").RequireAuthorization(ApiKeys.CuratorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        writes.WithRequestTimeout(HttpPosture.WritesTimeoutPolicy);
        return (group, writes);
    }

    public static RouteHandlerBuilder DocumentCreate<TInput, TResponse>(this RouteHandlerBuilder builder, CuratedStore<TInput, TResponse> store, RequestExample example)
        where TInput : class
        where TResponse : class =>
        builder.WithSummary($"Create {A(store)} {store.What}")
            .WithDescription($"Adds {A(store)} {store.What} in its curated shape (as in seed/). Needs an API key with the curator or admin role. "
                + "Every rule is checked and every error reported at once: required fields, slugs, kinds, references that exist, fuzzy dates, "
                + "and evidence quotes, whose offsets the server finds in the stored source text. Answers 201 with `Location` and `ETag`; "
                + "an id already in use is 409.")
            .Accepts<TInput>(RequestBody.Json).WithMetadata(example)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static RouteHandlerBuilder DocumentReplace<TInput, TResponse>(this RouteHandlerBuilder builder, CuratedStore<TInput, TResponse> store, RequestExample example)
        where TInput : class
        where TResponse : class =>
        builder.WithSummary($"Replace {A(store)} {store.What}")
            .WithDescription($"Replaces the {store.What} with the body (its whole curated shape; the id cannot change). Needs `If-Match` with the "
                + "ETag of its GET: 428 without it, 412 when someone else changed it since. Answers with the new representation and ETag.")
            .Accepts<TInput>(RequestBody.Json).WithMetadata(example)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static RouteHandlerBuilder DocumentPatch<TInput, TResponse>(this RouteHandlerBuilder builder, CuratedStore<TInput, TResponse> store, RequestExample example)
        where TInput : class
        where TResponse : class =>
        builder.WithSummary($"Patch {A(store)} {store.What}")
            .WithDescription($"Applies a JSON Merge Patch (RFC 7396, `application/merge-patch+json`) to the {store.What}'s curated shape: "
                + "members given replace, `null` removes a member, arrays are replaced whole; the result is validated like a PUT. "
                + "Needs `If-Match` (428 without it, 412 when stale).")
            .Accepts<TInput>(RequestBody.MergePatch).WithMetadata(example)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static RouteHandlerBuilder DocumentDelete<TInput, TResponse>(this RouteHandlerBuilder builder, CuratedStore<TInput, TResponse> store)
        where TInput : class
        where TResponse : class =>
        builder.WithSummary($"Delete {A(store)} {store.What}")
            .WithDescription($"Deletes the {store.What}. Needs `If-Match` (428 without it, 412 when stale). Nothing cascades: while other records "
                + "still point at it the answer is 409 with `referencedBy` listing them.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static RouteHandlerBuilder DocumentRevisions<TInput, TResponse>(this RouteHandlerBuilder builder, CuratedStore<TInput, TResponse> store, string exampleId)
        where TInput : class
        where TResponse : class =>
        builder.WithSummary($"List the revisions of {A(store)} {store.What}")
            .WithDescription($"Every write to the {store.What}, oldest first: who (the API key's name), when, the operation, and the record "
                + "before and after in its curated shape. Works for deleted records too. Keyset paging like every list.")
            .WithParameterExamples(("id", exampleId), ("limit", 20))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static string A<TInput, TResponse>(CuratedStore<TInput, TResponse> store)
        where TInput : class
        where TResponse : class => store.What is ['a' or 'e' or 'i' or 'o' or 'u', ..] ? "an" : "a";
}
