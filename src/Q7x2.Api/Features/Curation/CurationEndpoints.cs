using Q7x2.Api.Features.Agreements;
using Q7x2.Api.Features.BorderCrossings;
using Q7x2.Api.Features.Countries;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Organizations;
using Q7x2.Api.Features.People;
using Q7x2.Api.Features.Places;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>POST, PUT, PATCH and DELETE for every curated resource, plus each resource's revisions.</summary>
internal static class CurationEndpoints
{
    public static IServiceCollection AddQ7x2Curation(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQ7x2ApiKeys(configuration).AddSingleton<WriteGate>().AddSingleton<ETags>().AddScoped<CurationWriter>();

    public static IEndpointRouteBuilder MapCuration(this IEndpointRouteBuilder routes)
    {
        routes.MapCurated("People", new EntityStore<SeedPerson, PersonResponse>("people", "Person", "person", EntityKind.Person,
            new SeedPersonValidator(), PersonResponse.Map, s => s));
        routes.MapCurated("Countries", new EntityStore<SeedCountry, CountryResponse>("countries", "Country", "country", EntityKind.Country,
            new SeedCountryValidator(), CountryResponse.Map, s => s));
        routes.MapCurated("Places", new EntityStore<SeedPlace, PlaceResponse>("places", "Place", "place", EntityKind.Place,
            new SeedPlaceValidator(), PlaceResponse.Map, s => s));
        routes.MapCurated("Organizations", new EntityStore<SeedOrganization, OrganizationResponse>("organizations", "Organization", "organization",
            EntityKind.Organization, new SeedOrganizationValidator(), OrganizationResponse.Map, s => s));
        routes.MapCurated("Events", new EntityStore<SeedEvent, EventResponse>("events", "Event", "event", EntityKind.Event,
            new SeedEventValidator(), EventResponse.Map, s => s with { Participants = s.Participants ?? [] }));
        routes.MapCurated("Agreements", new EntityStore<SeedAgreement, AgreementResponse>("agreements", "Agreement", "agreement", EntityKind.Agreement,
            new SeedAgreementValidator(), AgreementResponse.Map, s => s with { Parties = s.Parties ?? [], Areas = s.Areas ?? [] }));
        routes.MapCurated("Border crossings", new EntityStore<SeedBorderCrossing, BorderCrossingResponse>("border-crossings", "BorderCrossing",
            "border crossing", EntityKind.BorderCrossing, new SeedBorderCrossingValidator(), BorderCrossingResponse.Map,
            s => s with { Countries = s.Countries ?? [], Connects = s.Connects ?? [] }));
        routes.MapCurated("Facts", new FactStore());
        routes.MapCurated("Observations", new ObservationStore());
        routes.MapCurated("Sources", new SourceStore());
        return routes;
    }

    private static void MapCurated<TSeed, TResponse>(this IEndpointRouteBuilder routes, string tag, CuratedStore<TSeed, TResponse> store)
        where TSeed : class
        where TResponse : class
    {
        var group = routes.MapGroup($"/v1/{store.Resource}").WithTags(tag);
        var writes = group.MapGroup("").RequireAuthorization(ApiKeys.CuratorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        var a = store.What is ['a' or 'e' or 'i' or 'o' or 'u', ..] ? "an" : "a";

        writes.MapPost("/", (HttpContext http, CurationWriter writer, CancellationToken ct) => writer.CreateAsync(store, http, ct))
            .WithName($"Create{store.TypeName}")
            .WithSummary($"Create {a} {store.What}")
            .WithDescription($"Adds {a} {store.What} in its curated shape (as in seed/). Needs an API key with the curator or admin role. "
                + "Every rule is checked and every error reported at once: required fields, slugs, kinds, references that exist, fuzzy dates, "
                + "and evidence quotes, whose offsets the server finds in the stored source text. Answers 201 with `Location` and `ETag`; "
                + "an id already in use is 409.")
            .Accepts<TSeed>(RequestBody.Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        writes.MapPut("/{id}", (string id, HttpContext http, CurationWriter writer, CancellationToken ct) => writer.ReplaceAsync(store, id, http, patch: false, ct))
            .WithName($"Replace{store.TypeName}")
            .WithSummary($"Replace {a} {store.What}")
            .WithDescription($"Replaces the {store.What} with the body (its whole curated shape; the id cannot change). Needs `If-Match` with the "
                + "ETag of its GET: 428 without it, 412 when someone else changed it since. Answers with the new representation and ETag.")
            .Accepts<TSeed>(RequestBody.Json)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapPatch("/{id}", (string id, HttpContext http, CurationWriter writer, CancellationToken ct) => writer.ReplaceAsync(store, id, http, patch: true, ct))
            .WithName($"Patch{store.TypeName}")
            .WithSummary($"Patch {a} {store.What}")
            .WithDescription($"Applies a JSON Merge Patch (RFC 7396, `application/merge-patch+json`) to the {store.What}'s curated shape: "
                + "members given replace, `null` removes a member, arrays are replaced whole; the result is validated like a PUT. "
                + "Needs `If-Match` (428 without it, 412 when stale).")
            .Accepts<TSeed>(RequestBody.MergePatch)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        writes.MapDelete("/{id}", (string id, HttpContext http, CurationWriter writer, CancellationToken ct) => writer.DeleteAsync(store, id, http, ct))
            .WithName($"Delete{store.TypeName}")
            .WithSummary($"Delete {a} {store.What}")
            .WithDescription($"Deletes the {store.What}. Needs `If-Match` (428 without it, 412 when stale). Nothing cascades: while other records "
                + "still point at it the answer is 409 with `referencedBy` listing them.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapGet("/{id}/revisions", ([AsParameters] RevisionsQuery query, string id, Q7x2.Data.Q7x2Db db, HttpContext http, CancellationToken ct) =>
                RevisionQueries.ListAsync(db, store.Resource, store.What, id, query, http, ct))
            .WithName($"List{store.TypeName}Revisions")
            .WithSummary($"List the revisions of {a} {store.What}")
            .WithDescription($"Every write to the {store.What}, oldest first: who (the API key's name), when, the operation, and the record "
                + "before and after in its curated shape. Works for deleted records too. Keyset paging like every list.")
            .WithParameterExamples(("id", ExampleIds.GetValueOrDefault(store.Resource, "sadyr-japarov")), ("limit", 20))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static readonly Dictionary<string, string> ExampleIds = new(StringComparer.Ordinal)
    {
        ["countries"] = "tajikistan", ["places"] = "dushanbe", ["organizations"] = "the-times-of-central-asia",
        ["events"] = "kyrgyz-tajik-border-clashes-2021", ["agreements"] = "kyrgyz-tajik-border-delimitation-agreement-2025",
        ["border-crossings"] = "western-border-crossing-1", ["facts"] = "rustam-emomali-heir-apparent",
        ["observations"] = "kyrgyz-tajik-trade-jan-may-2025", ["sources"] = "kyrgyz-president-visits-tajikistan",
    };
}
