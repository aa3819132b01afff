using System.Text.Json.Serialization;

namespace Q7x2.Data.Entities;

/// <summary>A quantity a source states: metric, subjects, value, unit, comparator and period.</summary>
public sealed class Observation : ICuratedRecord
{
    public required string Id { get; set; }
    public required string Metric { get; set; }
    public decimal Value { get; set; }
    public required string Unit { get; set; }
    public required string Comparator { get; set; }
    public FuzzyDate? Period { get; set; }

    /// <summary>
    /// The sort key of <see cref="Period"/>: its first day, or 9999-12-31 without one, so undated rows sort after dated ones.
    /// A column the database computes (see <c>FuzzyDateMapping.MapKey</c>), so that indexes can hold it; derived, so no part of the
    /// record's content (the seeder's fingerprint of a record leaves it out).
    /// </summary>
    [JsonIgnore]
    public DateOnly PeriodKey { get; private set; }
    public required string Modality { get; set; }
    public string? AttributionId { get; set; }
    public string? Note { get; set; }
    public List<ObservationSubject> Subjects { get; set; } = [];
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Who owns the record: <c>seed</c> (the seeding job) or <c>curator</c> (written through the API; the seeder leaves it alone).</summary>
    public string Origin { get; set; } = RecordOrigin.Seed;
}

public sealed class ObservationSubject
{
    public required string ObservationId { get; set; }
    public required string EntityId { get; set; }
    public int Position { get; set; }
}

public static class Quantity
{
    public static readonly IReadOnlyList<string> Units = ["USD", "person", "percent", "ratio", "year", "month", "day", "count", "gun"];
    public static readonly IReadOnlyList<string> Comparators = ["eq", "gt", "gte", "lt", "lte", "approx"];

    /// <summary>The value without trailing zeros: SQLite gives back 6350000 as 6350000.0.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
