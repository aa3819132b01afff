using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Countries;

/// <summary>A country as a curator writes it (the shape of a record in seed/countries.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="IsoCode">ISO 3166-1 alpha-2 code, e.g. TJ: reference data from the ISO 3166 standard, which needs no quote.</param>
public sealed record CountryInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string IsoCode)
    : ICuratedInput<CountryInput, SeedCountry>
{
    static RequiredValues ICuratedInput<CountryInput, SeedCountry>.Required { get; } = RequiredValues.None;

    public IEnumerable<string?> References() => [];

    public SeedCountry ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        IsoCode);

    public static CountryInput FromSeed(SeedCountry s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.IsoCode);
}

/// <summary>Create, replace, patch and delete countries, and list their revisions.</summary>
internal static class CountryWrites
{
    private static readonly EntityStore<CountryInput, SeedCountry, CountryResponse> Store = new(
        "countries", "Country", "country", EntityKind.Country, () => new SeedCountryValidator(), CountryResponse.Map);

    public static RouteGroupBuilder MapCountryWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Countries");
        var example = SeedExamples.Record("countries.json", "countries", "tajikistan");
        writes.MapPost("/", CreateCountry).WithName(nameof(CreateCountry)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceCountry).WithName(nameof(ReplaceCountry)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchCountry).WithName(nameof(PatchCountry)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteCountry).WithName(nameof(DeleteCountry)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListCountryRevisions).WithName(nameof(ListCountryRevisions)).DocumentRevisions(Store, "tajikistan");
        return group;
    }

    private static Task<Results<Created<CountryResponse>, ProblemHttpResult>> CreateCountry(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<CountryResponse>, ProblemHttpResult>> ReplaceCountry(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<CountryResponse>, ProblemHttpResult>> PatchCountry(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteCountry(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListCountryRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
