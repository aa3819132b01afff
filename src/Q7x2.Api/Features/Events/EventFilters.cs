using System.Linq.Expressions;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Events;

/// <summary>
/// Filters on events, shared by the events list and the timeline: each is a lookup in the event relations the database keeps
/// (<see cref="EventRelation"/>), whose view states what the filter means.
/// </summary>
internal static class EventFilters
{
    public static IQueryable<Entity> WithParticipant(this IQueryable<Entity> events, Q7x2Db db, string id) =>
        events.Related(db, EventRelationKind.Participant, id);

    /// <summary>Events at the place or at a place directly part of it (one level, not the whole containment chain).</summary>
    public static IQueryable<Entity> AtPlace(this IQueryable<Entity> events, Q7x2Db db, string place) =>
        events.Related(db, EventRelationKind.Place, place);

    /// <summary>Events at the country, at a place of the country, or with the country as a participant.</summary>
    public static IQueryable<Entity> InvolvingCountry(this IQueryable<Entity> events, Q7x2Db db, string country) =>
        events.Related(db, EventRelationKind.Country, country);

    /// <summary>The events among <paramref name="events"/> in <paramref name="relation"/> to the entity <paramref name="id"/>.</summary>
    public static IQueryable<Entity> Related(this IQueryable<Entity> events, Q7x2Db db, string relation, string id) =>
        events.Where(e => db.EventRelations.Any(r => r.Relation == relation && r.EntityId == id && r.EventId == e.Id));

    /// <summary>
    /// The events related to one entity (<paramref name="relation"/>, <paramref name="id"/>) among <paramref name="events"/>, each
    /// keyed by its relation row's date key and event id: ordered by those, SQLite reads the entity's rows from their index in
    /// date order and stops at the page's end (a walk of all events in date order, testing each, reads most of them for an
    /// entity with few). <paramref name="to"/> bounds the index range as it bounds the events' own dates.
    /// </summary>
    public static IQueryable<KeyedEvent> RelatedTo(this IQueryable<Entity> events, Q7x2Db db, string relation, string id, DateOnly? to, bool dated)
    {
        var relations = db.EventRelations.Where(r => r.Relation == relation && r.EntityId == id);
        relations = to is { } last ? relations.Where(r => r.DateKey <= last) : relations;

        // Undated events have the last key. A bound on the key even when it keeps them all: with it, the planner starts from the
        // relations, in order, rather than from the events of the kind and sorting them (it did, without).
        relations = dated ? relations.Where(r => r.DateKey < DateOnly.MaxValue) : relations.Where(r => r.DateKey <= DateOnly.MaxValue);
        return relations.Join(events, r => r.EventId, e => e.Id, (r, e) => new KeyedEvent { Key = r.DateKey, Id = r.EventId, Event = e });
    }
}

/// <summary>An event with the date key and id a date order reads it by: its relation row's (the same values as the event's own).</summary>
internal sealed class KeyedEvent
{
    public DateOnly Key { get; init; }

    public required string Id { get; init; }

    public required Entity Event { get; init; }

    /// <summary>An event keyed by its own date key and id, in SQL.</summary>
    public static readonly Expression<Func<Entity, KeyedEvent>> OfEvent = e => new KeyedEvent { Key = e.DateKey, Id = e.Id, Event = e };

    private static readonly Func<Entity, KeyedEvent> Compiled = OfEvent.Compile();

    /// <summary>The same, for an event read (the relation row's key and id are the event's own).</summary>
    public static KeyedEvent Of(Entity e) => Compiled(e);
}
