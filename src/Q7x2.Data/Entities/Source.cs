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

    /// <summary>The licence the source is published under (an SPDX id or the publisher's words), when known.</summary>
    public string? License { get; set; }

    /// <summary>Who holds the rights to the source, when known.</summary>
    public string? RightsHolder { get; set; }

    /// <summary>Where the source is published, when known.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// Whether the API may serve the full text. When false it is kept (evidence is checked against it) but withheld from every
    /// answer and from the dump; quotes and their offsets are still served.
    /// </summary>
    public bool TextRedistributable { get; set; } = true;

    /// <summary>Who owns the record: <c>seed</c> (the seeding job) or <c>curator</c> (written through the API; the seeder leaves it alone).</summary>
    public string Origin { get; set; } = RecordOrigin.Seed;
}
