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

    private static IQueryable<Entity> Related(this IQueryable<Entity> events, Q7x2Db db, string relation, string id) =>
        events.Where(e => db.EventRelations.Any(r => r.Relation == relation && r.EntityId == id && r.EventId == e.Id));
}
