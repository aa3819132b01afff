namespace Q7x2.Data.Entities;

/// <summary>What a source says about when something happened, and the interval it means.</summary>
public sealed class FuzzyDate
{
    public required string Text { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public required string Precision { get; set; }
    public string? Qualifier { get; set; }
    public required string Basis { get; set; }
    public string? Note { get; set; }
}
