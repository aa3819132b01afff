using Q7x2.Api.Features.Common;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Timeline;

/// <summary>
/// One entry of the timeline: an event or a dated fact. The timeline is in time order: by the first day of the date
/// interval, then events before facts, then by id.
/// </summary>
/// <param name="Type">event or fact.</param>
/// <param name="Id">The event's or the fact's id.</param>
/// <param name="Date">When it happened or held, as the source says it and the interval that means.</param>
/// <param name="Title">One readable line: the event's name, or "subject – predicate – object or value" for a fact.</param>
/// <param name="Entity">The event (its details at <c>/v1/events/{id}</c>); null for a fact.</param>
/// <param name="Fact">The fact with its evidence; null for an event.</param>
public sealed record TimelineItem(
    string Type, string Id, FuzzyDateResponse Date, string Title, EntityRef? Entity, FactResponse? Fact)
{
    internal static TimelineItem Of(string id, string kind, string name, FuzzyDate date) =>
        new(TimelineItemType.Event, id, FuzzyDateResponse.Of(date)!, name, new EntityRef(id, kind, name), null);

    internal static TimelineItem Of(FactResponse f) =>
        new(TimelineItemType.Fact, f.Id, f.Date!, $"{f.Subject.Name} – {f.Predicate.Label} – {f.Object?.Name ?? f.Value}", null, f);
}

internal static class TimelineItemType
{
    public const string Event = "event";
    public const string Fact = "fact";
}
