namespace Q7x2.Data.Entities;

/// <summary>
/// An event and an entity the event filters select it by, with the event's date key: the country, participant and place
/// filters read an entity's events from one index in date order instead of testing every event. The database keeps these
/// rows (triggers on <c>Entities</c> and <c>EntityLinks</c>, made by the EventRelations migration, recompute an event's rows
/// from the <c>EventRelationRows</c> view whenever the event, its participants or its place change); nothing writes them.
/// </summary>
public sealed class EventRelation
{
    /// <summary>One of <see cref="EventRelationKind"/>.</summary>
    public required string Relation { get; init; }

    public required string EntityId { get; init; }

    public required string EventId { get; init; }

    /// <summary>The event's <see cref="Entity.DateKey"/>.</summary>
    public DateOnly DateKey { get; init; }
}

/// <summary>What an event's relation to an entity means, as the event filters define it.</summary>
public static class EventRelationKind
{
    /// <summary>The entity takes part in the event.</summary>
    public const string Participant = "participant";

    /// <summary>The event is at the place or at a place directly part of it.</summary>
    public const string Place = "place";

    /// <summary>The event is at the country, at a place of the country, or has the country as a participant.</summary>
    public const string Country = "country";
}
