namespace Q7x2.Data.Entities;

public sealed class EntityAlias
{
    public required string EntityId { get; set; }
    public required string Name { get; set; }

    /// <summary><c>alias</c>, <c>former-name</c> or <c>demonym</c>.</summary>
    public required string Type { get; set; }

    public int Position { get; set; }
}
