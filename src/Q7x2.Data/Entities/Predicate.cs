namespace Q7x2.Data.Entities;

public sealed class Predicate
{
    public required string Id { get; set; }
    public required string Label { get; set; }
    public string? InverseLabel { get; set; }
    public required string Description { get; set; }
}
