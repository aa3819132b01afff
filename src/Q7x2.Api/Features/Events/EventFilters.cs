using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Events;

/// <summary>Filters on events, shared by the events list and the timeline; each is one SQL predicate.</summary>
internal static class EventFilters
{
    public static IQueryable<Entity> WithParticipant(this IQueryable<Entity> events, string id) =>
        events.Where(e => e.Links.Any(l => l.Role == LinkRole.Participant && l.TargetId == id));

    /// <summary>Events at the place or at a place directly part of it (one level, not the whole containment chain).</summary>
    public static IQueryable<Entity> AtPlace(this IQueryable<Entity> events, Q7x2Db db, string place) =>
        events.Where(e => e.PlaceId == place || db.Entities.Any(p => p.Id == e.PlaceId && p.PartOfId == place));

    /// <summary>Events at the country, at a place of the country, or with the country as a participant.</summary>
    public static IQueryable<Entity> InvolvingCountry(this IQueryable<Entity> events, Q7x2Db db, string country) =>
        events.Where(e => e.PlaceId == country
            || db.Entities.Any(p => p.Id == e.PlaceId && p.CountryId == country)
            || e.Links.Any(l => l.Role == LinkRole.Participant && l.TargetId == country));
}
