namespace Q7x2.Data.Entities;

/// <summary>A many-valued reference from one entity to others: event participants, agreement parties, what a crossing connects.</summary>
public sealed class EntityLink
{
    public required string EntityId { get; set; }
    public required string Role { get; set; }
    public required string TargetId { get; set; }
    public int Position { get; set; }
}

public static class LinkRole
{
    public const string Participant = "participant";
    public const string Party = "party";
    public const string Country = "country";
    public const string Connects = "connects";
}
