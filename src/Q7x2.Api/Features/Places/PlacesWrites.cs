using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Places;

/// <summary>A place as a curator writes it (the shape of a record in seed/places.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="PlaceType">city, district, region, airport…</param>
/// <param name="Country">The id of the country it is in.</param>
/// <param name="PartOf">The id of the place it is part of.</param>
public sealed record PlaceInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string PlaceType, string? Country, string? PartOf)
    : ICuratedInput<PlaceInput, SeedPlace>
{
    static RequiredValues ICuratedInput<PlaceInput, SeedPlace>.Required { get; } = RequiredValues.None;

    public IEnumerable<string?> References() => [Country, PartOf];

    public SeedPlace ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        PlaceType, Country, PartOf);

    public static PlaceInput FromSeed(SeedPlace s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.PlaceType, s.Country, s.PartOf);
}

/// <summary>Create, replace, patch and delete places, and list their revisions.</summary>
internal static class PlaceWrites
{
    private static readonly EntityStore<PlaceInput, SeedPlace, PlaceResponse> Store = new(
        "places", "Place", "place", EntityKind.Place, () => new SeedPlaceValidator(), PlaceResponse.Map);

    public static RouteGroupBuilder MapPlaceWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Places");
        var example = SeedExamples.Record("places.json", "places", "dushanbe");
        writes.MapPost("/", CreatePlace).WithName(nameof(CreatePlace)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplacePlace).WithName(nameof(ReplacePlace)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchPlace).WithName(nameof(PatchPlace)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeletePlace).WithName(nameof(DeletePlace)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListPlaceRevisions).WithName(nameof(ListPlaceRevisions)).DocumentRevisions(Store, "dushanbe");
        return group;
    }

    private static Task<Results<Created<PlaceResponse>, ProblemHttpResult>> CreatePlace(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<PlaceResponse>, ProblemHttpResult>> ReplacePlace(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<PlaceResponse>, ProblemHttpResult>> PatchPlace(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeletePlace(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListPlaceRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
