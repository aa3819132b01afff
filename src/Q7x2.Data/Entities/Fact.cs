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
