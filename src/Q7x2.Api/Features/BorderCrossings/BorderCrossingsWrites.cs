using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.BorderCrossings;

/// <summary>A border crossing as a curator writes it (the shape of a record in seed/border-crossings.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="Status">open, closed, reopened…</param>
/// <param name="Countries">The ids of the countries whose border it crosses.</param>
/// <param name="Connects">The ids of the places it connects.</param>
/// <param name="Opened">When it opened or reopened.</param>
public sealed record BorderCrossingInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string Status, IReadOnlyList<string> Countries, IReadOnlyList<string> Connects, FuzzyDateInput? Opened)
    : ICuratedInput<BorderCrossingInput, SeedBorderCrossing>
{
    static RequiredValues ICuratedInput<BorderCrossingInput, SeedBorderCrossing>.Required { get; } = RequiredValues.Within("opened", FuzzyDateInput.Required);

    public IEnumerable<string?> References() => [.. Countries ?? [], .. Connects ?? []];

    public SeedBorderCrossing ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        Status, [.. Countries ?? []], [.. Connects ?? []], FuzzyDateInput.ToSeed(Opened));

    public static BorderCrossingInput FromSeed(SeedBorderCrossing s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.Status, s.Countries, s.Connects, FuzzyDateInput.Of(s.Opened));
}

/// <summary>Create, replace, patch and delete border crossings, and list their revisions.</summary>
internal static class BorderCrossingWrites
{
    private static readonly EntityStore<BorderCrossingInput, SeedBorderCrossing, BorderCrossingResponse> Store = new(
        "border-crossings", "BorderCrossing", "border crossing", EntityKind.BorderCrossing, () => new SeedBorderCrossingValidator(), BorderCrossingResponse.Map);

    public static RouteGroupBuilder MapBorderCrossingWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Border crossings");
        var example = SeedExamples.Record("border-crossings.json", "borderCrossings", "western-border-crossing-1");
        writes.MapPost("/", CreateBorderCrossing).WithName(nameof(CreateBorderCrossing)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceBorderCrossing).WithName(nameof(ReplaceBorderCrossing)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchBorderCrossing).WithName(nameof(PatchBorderCrossing)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteBorderCrossing).WithName(nameof(DeleteBorderCrossing)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListBorderCrossingRevisions).WithName(nameof(ListBorderCrossingRevisions)).DocumentRevisions(Store, "western-border-crossing-1");
        return group;
    }

    private static Task<Results<Created<BorderCrossingResponse>, ProblemHttpResult>> CreateBorderCrossing(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<BorderCrossingResponse>, ProblemHttpResult>> ReplaceBorderCrossing(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<BorderCrossingResponse>, ProblemHttpResult>> PatchBorderCrossing(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteBorderCrossing(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListBorderCrossingRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
