using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Organizations;

/// <summary>An organisation as a curator writes it (the shape of a record in seed/organizations.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="OrgType">news-outlet, legislature, military-unit…</param>
/// <param name="Country">The id of its country.</param>
public sealed record OrganizationInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string OrgType, string? Country)
    : ICuratedInput<OrganizationInput, SeedOrganization>
{
    static RequiredValues ICuratedInput<OrganizationInput, SeedOrganization>.Required { get; } = RequiredValues.None;

    public IEnumerable<string?> References() => [Country];

    public SeedOrganization ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        OrgType, Country);

    public static OrganizationInput FromSeed(SeedOrganization s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.OrgType, s.Country);
}

/// <summary>Create, replace, patch and delete organisations, and list their revisions.</summary>
internal static class OrganizationWrites
{
    private static readonly EntityStore<OrganizationInput, SeedOrganization, OrganizationResponse> Store = new(
        "organizations", "Organization", "organization", EntityKind.Organization, () => new SeedOrganizationValidator(), OrganizationResponse.Map);

    public static RouteGroupBuilder MapOrganizationWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Organizations");
        var example = SeedExamples.Record("organizations.json", "organizations", "the-times-of-central-asia");
        writes.MapPost("/", CreateOrganization).WithName(nameof(CreateOrganization)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceOrganization).WithName(nameof(ReplaceOrganization)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchOrganization).WithName(nameof(PatchOrganization)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteOrganization).WithName(nameof(DeleteOrganization)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListOrganizationRevisions).WithName(nameof(ListOrganizationRevisions)).DocumentRevisions(Store, "the-times-of-central-asia");
        return group;
    }

    private static Task<Results<Created<OrganizationResponse>, ProblemHttpResult>> CreateOrganization(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> ReplaceOrganization(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<OrganizationResponse>, ProblemHttpResult>> PatchOrganization(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteOrganization(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListOrganizationRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
