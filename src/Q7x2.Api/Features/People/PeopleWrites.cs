using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.People;

/// <summary>A person as a curator writes it (the shape of a record in seed/people.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="Country">The id of the country the person belongs to.</param>
/// <param name="Role">The role or title the source gives, e.g. President.</param>
public sealed record PersonInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string? Country, string? Role)
    : ICuratedInput<PersonInput, SeedPerson>
{
    static RequiredValues ICuratedInput<PersonInput, SeedPerson>.Required { get; } = RequiredValues.None;

    public IEnumerable<string?> References() => [Country];

    public SeedPerson ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        Country, Role);

    public static PersonInput FromSeed(SeedPerson s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.Country, s.Role);
}

/// <summary>Create, replace, patch and delete people, and list their revisions.</summary>
internal static class PeopleWrites
{
    private static readonly EntityStore<PersonInput, SeedPerson, PersonResponse> Store = new(
        "people", "Person", "person", EntityKind.Person, () => new SeedPersonValidator(), PersonResponse.Map);

    public static RouteGroupBuilder MapPeopleWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "People");
        var example = SeedExamples.Record("people.json", "people", "sadyr-japarov");
        writes.MapPost("/", CreatePerson).WithName(nameof(CreatePerson)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplacePerson).WithName(nameof(ReplacePerson)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchPerson).WithName(nameof(PatchPerson)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeletePerson).WithName(nameof(DeletePerson)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListPersonRevisions).WithName(nameof(ListPersonRevisions)).DocumentRevisions(Store, "sadyr-japarov");
        return group;
    }

    private static Task<Results<Created<PersonResponse>, ProblemHttpResult>> CreatePerson(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult>> ReplacePerson(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<PersonResponse>, ProblemHttpResult>> PatchPerson(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeletePerson(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListPersonRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
