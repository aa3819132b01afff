namespace Q7x2.Data.Entities;

public sealed class Source : ICuratedRecord
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public required string Language { get; set; }
    public FuzzyDate? Published { get; set; }
    public required string Text { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>Length of <see cref="Text"/> in Unicode code points, the unit of evidence offsets.</summary>
    public int CharCount { get; set; }

    /// <summary>Who owns the record: <c>seed</c> (the seeding job) or <c>curator</c> (written through the API; the seeder leaves it alone).</summary>
    public string Origin { get; set; } = RecordOrigin.Seed;
}
