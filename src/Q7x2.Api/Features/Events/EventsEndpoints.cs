using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Events;

internal static class EventsEndpoints
{
    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/events").WithTags("Events");
        group.MapGet("/", ListEvents).ProducesCsv().SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(ListEvents))
            .WithSummary("List events")
            .WithDescription("Events the sources speak of, from the independence of the Central Asian states in late 1991 to Japarov's July 8-9, 2025 state visit to Tajikistan, "
                + "in date order (undated events last). Filter by `type`, `participant`, `place`, `country` and a `from`/`to` range that matches fuzzy dates by overlap: "
                + "`type=state-visit&participant=sadyr-japarov&from=2025-01-01&to=2025-12-31` finds `japarov-state-visit-to-tajikistan-2025`.")
            .WithParameterExamples(("type", "state-visit"), ("participant", "sadyr-japarov"), ("place", "kyrgyz-tajik-border-area"),
                ("country", "tajikistan"), ("from", "2025-01-01"), ("to", "2025-12-31"), ("sort", "date"), ("limit", 20))
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetEvent).SelectsFields().ReadsAsOf().ProducesJsonLd().WithName(nameof(GetEvent))
            .WithSummary("Get an event")
            .WithDescription("One event (e.g. `japarov-state-visit-to-tajikistan-2025` or `khujand-summit-2025`) with its participants, "
                + "the facts in which it is subject or object and the quotes that support them.")
            .WithParameterExamples(("id", "japarov-state-visit-to-tajikistan-2025"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<Page<EventResponse>>> ListEvents(
        [AsParameters] EventsQuery query, Q7x2Db db, HttpContext http, CancellationToken ct)
    {
        var events = db.OfKind(EntityKind.Event).Overlapping(query.FromDate, query.ToDate);
        events = events.WhereGiven(query.Type, type => e => e.Subtype == type);

        // In date order, the first entity filter reads that entity's events from its relations' index in date order; the others
        // (and every filter under another sort, which no such index orders) look each event up in the relations.
        var anchor = (query.Sort ?? EntityQueries.ByDate.Default).TrimStart('-') == "date"
            ? query switch
            {
                { Participant: { } participant } => (EventRelationKind.Participant, participant),
                { Place: { } place } => (EventRelationKind.Place, place),
                { Country: { } country } => (EventRelationKind.Country, country),
                _ => default((string Relation, string Id)?),
            }
            : null;

        if (query.Participant is not null && anchor?.Relation != EventRelationKind.Participant)
        {
            events = events.WithParticipant(db, query.Participant);
        }

        if (query.Place is not null && anchor?.Relation != EventRelationKind.Place)
        {
            events = events.AtPlace(db, query.Place);
        }

        if (query.Country is not null && anchor?.Relation != EventRelationKind.Country)
        {
            events = events.InvolvingCountry(db, query.Country);
        }

        if (anchor is var (relation, entity))
        {
            var rows = await events.RelatedTo(db, relation, entity, query.ToDate, dated: false)
                .PageAsync(ByRelationDate, query.Sort, query, http, q => EntityQueries.WithParts(q.Select(k => k.Event)), KeyedEvent.Of, ct);

            // The page is read through the anchor's relations (keyed rows, which have no facets): the facets count the same
            // events, with the anchor applied as a filter like the others.
            var facets = await Facets.CountAsync(events.Related(db, relation, entity), query, http, ct);
            return TypedResults.Ok(await EntityQueries.MapAsync(db, rows with { Facets = facets }, EventResponse.Map, ct, ((IEntityListQuery)query).ListParts));
        }

        return TypedResults.Ok(await EntityQueries.PageAsync(db, events, EntityQueries.ByDate, query.Sort, query, http, EventResponse.Map, ct));
    }

    /// <summary>The date sort of <see cref="EntityQueries.ByDate"/> on an entity's event relations: the same cursors.</summary>
    private static readonly SortOptions<KeyedEvent> ByRelationDate = new("date", SortField<KeyedEvent>.Date("date", k => k.Key, k => k.Id));

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> GetEvent(
        string id, [AsParameters] EntityDetailQuery query, Q7x2Db db, CancellationToken ct) =>
        await EntityQueries.DetailAsync(db, EntityKind.Event, id, EventResponse.Map, ct, query.Parts) is { } found
            ? TypedResults.Ok(found)
            : ProblemSetup.NotFound("event", id);
}
