using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Events;

/// <summary>An event as a curator writes it (the shape of a record in seed/events.json).</summary>
/// <param name="Id">Stable slug, unique across kinds.</param>
/// <param name="Name">The name the source uses.</param>
/// <param name="Aliases">Other names (may be empty).</param>
/// <param name="Description">One or two sentences that say who or what it is, grounded in the sources.</param>
/// <param name="Evidence">Quotes that support it.</param>
/// <param name="EventType">state-visit, summit, clash, ceremony…</param>
/// <param name="Date">When it happened.</param>
/// <param name="Place">The id of the place or country where it happened.</param>
/// <param name="Participants">The ids of the people, countries and organisations that took part.</param>
/// <param name="PartOf">The id of the event it is part of.</param>
public sealed record EventInput(
    string Id, string Name, IReadOnlyList<AliasInput> Aliases, string Description, IReadOnlyList<EvidenceInput> Evidence,
    string EventType, FuzzyDateInput? Date, string? Place, IReadOnlyList<string> Participants, string? PartOf)
    : ICuratedInput<EventInput, SeedEvent>
{
    static RequiredValues ICuratedInput<EventInput, SeedEvent>.Required { get; } = RequiredValues.Within("date", FuzzyDateInput.Required);

    public IEnumerable<string?> References() => [Place, PartOf, .. Participants ?? []];

    public SeedEvent ToSeed() => new(
        Id, Name, AliasInput.ToSeed(Aliases), Description, EvidenceInput.ToSeed(Evidence),
        EventType, FuzzyDateInput.ToSeed(Date), Place, [.. Participants ?? []], PartOf);

    public static EventInput FromSeed(SeedEvent s) => new(
        s.Id, s.Name, AliasInput.Of(s.Aliases), s.Description, EvidenceInput.Of(s.Evidence),
        s.EventType, FuzzyDateInput.Of(s.Date), s.Place, s.Participants, s.PartOf);
}

/// <summary>Create, replace, patch and delete events, and list their revisions.</summary>
internal static class EventWrites
{
    private static readonly EntityStore<EventInput, SeedEvent, EventResponse> Store = new(
        "events", "Event", "event", EntityKind.Event, () => new SeedEventValidator(), EventResponse.Map);

    public static RouteGroupBuilder MapEventWrites(this IEndpointRouteBuilder routes)
    {
        var (group, writes) = routes.MapCurationGroups(Store, "Events");
        var example = SeedExamples.Record("events.json", "events", "kyrgyz-tajik-border-clashes-2021");
        writes.MapPost("/", CreateEvent).WithName(nameof(CreateEvent)).DocumentCreate(Store, example);
        writes.MapPut("/{id}", ReplaceEvent).WithName(nameof(ReplaceEvent)).DocumentReplace(Store, example);
        writes.MapPatch("/{id}", PatchEvent).WithName(nameof(PatchEvent)).DocumentPatch(Store, example);
        writes.MapDelete("/{id}", DeleteEvent).WithName(nameof(DeleteEvent)).DocumentDelete(Store);
        group.MapGet("/{id}/revisions", ListEventRevisions).WithName(nameof(ListEventRevisions)).DocumentRevisions(Store, "kyrgyz-tajik-border-clashes-2021");
        return group;
    }

    private static Task<Results<Created<EventResponse>, ProblemHttpResult>> CreateEvent(HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.CreateAsync(Store, http, ct);

    private static Task<Results<Ok<EventResponse>, ProblemHttpResult>> ReplaceEvent(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: false, ct);

    private static Task<Results<Ok<EventResponse>, ProblemHttpResult>> PatchEvent(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.ReplaceAsync(Store, id, http, patch: true, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteEvent(string id, HttpContext http, CurationWriter writer, CancellationToken ct) =>
        writer.DeleteAsync(Store, id, http, ct);

    private static Task<Results<Ok<Page<RevisionResponse>>, ProblemHttpResult>> ListEventRevisions(
        [AsParameters] RevisionsQuery query, string id, Q7x2Db db, HttpContext http, CancellationToken ct) =>
        RevisionQueries.ListAsync(db, Store.Resource, Store.What, id, query, http, ct);
}
