namespace Q7x2.Data.Entities;

/// <summary>
/// A record that points at an entity (the target), how it does, and what a detail shows of the record: its date, and its name when
/// the record is an entity. An entity's detail reads each group of what points at it (<see cref="TargetId"/>, <see cref="Relation"/>,
/// <see cref="RecordKind"/>) from the table's own order (its primary key, in time order) and stops after the few it embeds, even for a
/// hub that tens of thousands of records point at: a group's first rows sit together on a page or two, with nothing else to look up for
/// an entity record. The database keeps these rows (triggers on <c>Entities</c>, <c>EntityLinks</c>, <c>Facts</c>,
/// <c>Observations</c> and <c>ObservationSubjects</c>, made by the migrations, recompute a record's rows from the <c>BacklinkRows</c>
/// view whenever the record changes); nothing writes them.
/// </summary>
public sealed class Backlink
{
    public required string TargetId { get; init; }

    /// <summary>One of <see cref="BacklinkRelation"/>: the part the target plays in the record.</summary>
    public required string Relation { get; init; }

    /// <summary>The record's kind: an entity kind, <c>fact</c> or <c>observation</c>.</summary>
    public required string RecordKind { get; init; }

    /// <summary>The record's date key (<see cref="Entity.DateKey"/>, <see cref="Fact.DateKey"/>, <see cref="Observation.PeriodKey"/>).</summary>
    public DateOnly DateKey { get; init; }

    public required string RecordId { get; init; }

    /// <summary>
    /// The record's name when it is an entity (its own column, so the record's triggers keep it). Null for a fact or an
    /// observation, whose names are made of other records' names (subject, predicate, object; subjects): a reader joins those.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The record's date (an entity's, a fact's, an observation's period), if any.</summary>
    public FuzzyDate? Date { get; init; }
}

/// <summary>
/// How many records point at an entity in one way (<see cref="Backlink.Relation"/> and <see cref="Backlink.RecordKind"/>), kept by
/// triggers on <c>Backlinks</c>, so that a detail reports a group's size without counting it.
/// </summary>
public sealed class BacklinkCount
{
    public required string TargetId { get; init; }

    public required string Relation { get; init; }

    public required string RecordKind { get; init; }

    public int Records { get; init; }
}

/// <summary>The part an entity plays in a record that points at it.</summary>
public static class BacklinkRelation
{
    /// <summary>It takes part in the event.</summary>
    public const string Participant = "participant";

    /// <summary>It is a party to the agreement.</summary>
    public const string Party = "party";

    /// <summary>It is a subject of the observation.</summary>
    public const string Subject = "subject";

    /// <summary>It is the record's country: a person's, place's or organisation's, or one of the countries a border crossing is between.</summary>
    public const string Country = "country";

    /// <summary>The border crossing connects it.</summary>
    public const string Connects = "connects";

    /// <summary>The place or event is part of it.</summary>
    public const string PartOf = "partOf";

    /// <summary>The event happened there.</summary>
    public const string Place = "place";

    /// <summary>The agreement was signed during it (an event).</summary>
    public const string Event = "event";

    /// <summary>The fact or observation is attributed to it (who said or reported it).</summary>
    public const string Attribution = "attribution";
}
