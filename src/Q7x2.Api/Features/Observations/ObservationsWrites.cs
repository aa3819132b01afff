using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Observations;

/// <summary>An observation (a quantity) as a curator writes it (the shape of a record in seed/observations.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Metric">What is measured, e.g. bilateral-trade-value.</param>
/// <param name="Subjects">The ids of the entities it is about.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">ISO 4217 currency (USD), person, percent…</param>
/// <param name="Comparator">eq, gt, gte, lt, lte or approx ("more than 10 million" is gt).</param>
/// <param name="Period">The period it covers.</param>
/// <param name="Modality">stated, reported, proposed, discussed, hoped or assessed.</param>
/// <param name="Attribution">The id of who says so, when the source attributes it.</param>
/// <param name="Note">Why it reads as it does.</param>
/// <param name="Evidence">Quotes that support it.</param>
public sealed record ObservationInput(
    string Id, string Metric, IReadOnlyList<string> Subjects, decimal Value, string Unit,
    string Comparator, FuzzyDateInput? Period, string Modality, string? Attribution, string? Note, IReadOnlyList<EvidenceInput> Evidence)
    : ICuratedInput<ObservationInput, SeedObservation>
{
    static RequiredValues ICuratedInput<ObservationInput, SeedObservation>.Required { get; } = new(["value"], new Dictionary<string, RequiredValues> { ["period"] = FuzzyDateInput.Required });

    public IEnumerable<string?> References() => [.. Subjects ?? [], Attribution];

    public SeedObservation ToSeed() => new(
        Id, Metric, [.. Subjects ?? []], Value, Unit,
        Comparator, FuzzyDateInput.ToSeed(Period), Modality, Attribution, Note, EvidenceInput.ToSeed(Evidence));

    public static ObservationInput FromSeed(SeedObservation s) => new(
        s.Id, s.Metric, s.Subjects, s.Value, s.Unit,
        s.Comparator, FuzzyDateInput.Of(s.Period), s.Modality, s.Attribution, s.Note, EvidenceInput.Of(s.Evidence));
}

/// <summary>Create, replace, patch and delete observations, and list their revisions.</summary>
internal static class ObservationWrites
{
    private static readonly ObservationStore Store = new();

    public static RouteGroupBuilder MapObservationWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Observations");
        var example = SeedExamples.Record("observations.json", "observations", "kyrgyz-tajik-trade-jan-may-2025");
        writes.MapPost("/", CreateObservation).WithName(nameof(CreateObservation)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceObservation).WithName(nameof(ReplaceObservation)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchObservation).WithName(nameof(PatchObservation)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteObservation).WithName(nameof(DeleteObservation)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListObservationRevisions).WithName(nameof(ListObservationRevisions)).DocumentRevisions(Store, "kyrgyz-tajik-trade-jan-may-2025");
        return group;
    }

    private static Task<Results<Created<ObservationResponse>, ProblemHttpResult>> CreateObservation(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<ObservationResponse>, ProblemHttpResult>> ReplaceObservation(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<ObservationResponse>, ProblemHttpResult>> PatchObservation(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteObservation(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListObservationRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
