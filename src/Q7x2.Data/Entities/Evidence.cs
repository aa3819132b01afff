namespace Q7x2.Data.Entities;

/// <summary>
/// A quote in a source that supports a record (W3C TextQuoteSelector + TextPositionSelector).
/// <see cref="Start"/> and <see cref="End"/> count Unicode code points, end exclusive.
/// Exactly one of the owner ids is set.
/// </summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public required string SourceId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public required string Prefix { get; set; }
    public required string Suffix { get; set; }
    public int Position { get; set; }
    public string? EntityId { get; set; }
    public string? FactId { get; set; }
    public string? ObservationId { get; set; }
}
