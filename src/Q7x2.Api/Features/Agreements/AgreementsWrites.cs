using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Agreements;

/// <summary>An agreement as a curator writes it (the shape of a record in seed/agreements.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="AgreementType">treaty, memorandum, agreement…</param>
/// <param name="Date">When it was signed.</param>
/// <param name="Parties">The ids of its parties: empty when the sources do not say who concluded it.</param>
/// <param name="Event">The id of the event where it was signed.</param>
/// <param name="Areas">The areas it covers.</param>
public sealed record AgreementInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string AgreementType, FuzzyDateInput? Date, IReadOnlyList<string> Parties, string? Event, IReadOnlyList<string> Areas)
    : ICuratedInput<AgreementInput, SeedAgreement>
{
    static RequiredValues ICuratedInput<AgreementInput, SeedAgreement>.Required { get; } = RequiredValues.Within("date", FuzzyDateInput.Required);

    public IEnumerable<string?> References() => [Event, .. Parties ?? []];

    public SeedAgreement ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        AgreementType, FuzzyDateInput.ToSeed(Date), [.. Parties ?? []], Event, [.. Areas ?? []]);

    public static AgreementInput FromSeed(SeedAgreement s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.AgreementType, FuzzyDateInput.Of(s.Date), s.Parties, s.Event, s.Areas);
}

/// <summary>Create, replace, patch and delete agreements, and list their revisions.</summary>
internal static class AgreementWrites
{
    private static readonly EntityStore<AgreementInput, SeedAgreement, AgreementResponse> Store = new(
        "agreements", "Agreement", "agreement", EntityKind.Agreement, () => new SeedAgreementValidator(), AgreementResponse.Map);

    public static RouteGroupBuilder MapAgreementWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Agreements");
        var example = SeedExamples.Record("agreements.json", "agreements", "kyrgyz-tajik-border-delimitation-agreement-2025");
        writes.MapPost("/", CreateAgreement).WithName(nameof(CreateAgreement)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceAgreement).WithName(nameof(ReplaceAgreement)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchAgreement).WithName(nameof(PatchAgreement)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteAgreement).WithName(nameof(DeleteAgreement)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListAgreementRevisions).WithName(nameof(ListAgreementRevisions)).DocumentRevisions(Store, "kyrgyz-tajik-border-delimitation-agreement-2025");
        return group;
    }

    private static Task<Results<Created<AgreementResponse>, ProblemHttpResult>> CreateAgreement(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> ReplaceAgreement(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> PatchAgreement(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAgreement(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListAgreementRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
