using System.Text.Json.Serialization;

namespace Q7x2.Data.Entities;

/// <summary>A statement: subject – predicate – object entity or literal value.</summary>
public sealed class Fact : ICuratedRecord
{
    public required string Id { get; set; }
    public required string SubjectId { get; set; }
    public required string PredicateId { get; set; }
    public string? ObjectId { get; set; }
    public string? Value { get; set; }
    public FuzzyDate? Date { get; set; }

    /// <summary>
    /// The sort key of <see cref="Date"/>: its first day, or 9999-12-31 without one, so undated rows sort after dated ones.
    /// A column the database computes (see <c>FuzzyDateMapping.MapKey</c>), so that indexes can hold it; derived, so no part of the
    /// record's content (the seeder's fingerprint of a record leaves it out).
    /// </summary>
    [JsonIgnore]
    public DateOnly DateKey { get; private set; }
    public required string Modality { get; set; }
    public string? AttributionId { get; set; }
    public string? Note { get; set; }
    public List<Evidence> Evidence { get; set; } = [];

    /// <summary>Who owns the record: <c>seed</c> (the seeding job) or <c>curator</c> (written through the API; the seeder leaves it alone).</summary>
    public string Origin { get; set; } = RecordOrigin.Seed;
}

public static class Modality
{
    public static readonly IReadOnlyList<string> All = ["stated", "reported", "proposed", "discussed", "hoped", "assessed"];
}
