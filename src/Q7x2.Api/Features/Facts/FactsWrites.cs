using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Facts;

/// <summary>A fact as a curator writes it (the shape of a record in seed/facts.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Subject">The id of the entity the fact is about.</param>
/// <param name="Predicate">A predicate of the vocabulary (/v1/predicates).</param>
/// <param name="Object">The id of the entity it relates the subject to (give an object, a value or both).</param>
/// <param name="Value">A literal value, in the source's words: instead of an object, or besides it (an assessment of relations with the other country as object).</param>
/// <param name="Date">When it holds or happened.</param>
/// <param name="Modality">stated, reported, proposed, discussed, hoped or assessed.</param>
/// <param name="Attribution">The id of who says so, when the source attributes it.</param>
/// <param name="Note">Why it reads as it does.</param>
/// <param name="Evidence">Quotes that support it.</param>
public sealed record FactInput(
    string Id, string Subject, string Predicate, string? Object, string? Value,
    FuzzyDateInput? Date, string Modality, string? Attribution, string? Note, IReadOnlyList<EvidenceInput> Evidence)
    : ICuratedInput<FactInput, SeedFact>
{
    static RequiredValues ICuratedInput<FactInput, SeedFact>.Required { get; } = RequiredValues.Within("date", FuzzyDateInput.Required);

    public IEnumerable<string?> References() => [Subject, Object, Attribution, Predicate];

    public SeedFact ToSeed() => new(
        Id, Subject, Predicate, Object, Value,
        FuzzyDateInput.ToSeed(Date), Modality, Attribution, Note, EvidenceInput.ToSeed(Evidence));

    public static FactInput FromSeed(SeedFact s) => new(
        s.Id, s.Subject, s.Predicate, s.Object, s.Value,
        FuzzyDateInput.Of(s.Date), s.Modality, s.Attribution, s.Note, EvidenceInput.Of(s.Evidence));
}

/// <summary>Create, replace, patch and delete facts, and list their revisions.</summary>
internal static class FactWrites
{
    private static readonly FactStore Store = new();

    public static RouteGroupBuilder MapFactWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Facts");
        var example = SeedExamples.Record("facts.json", "facts", "rustam-emomali-heir-apparent");
        writes.MapPost("/", CreateFact).WithName(nameof(CreateFact)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceFact).WithName(nameof(ReplaceFact)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchFact).WithName(nameof(PatchFact)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteFact).WithName(nameof(DeleteFact)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListFactRevisions).WithName(nameof(ListFactRevisions)).DocumentRevisions(Store, "rustam-emomali-heir-apparent");
        return group;
    }

    private static Task<Results<Created<FactResponse>, ProblemHttpResult>> CreateFact(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<FactResponse>, ProblemHttpResult>> ReplaceFact(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<FactResponse>, ProblemHttpResult>> PatchFact(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteFact(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListFactRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
