namespace Q7x2.Data.Entities;

/// <summary>
/// How many facts have the entity as subject or object (a fact with it on both sides counted once): what an entity's detail
/// reports as its fact count without counting a hub's tens of thousands of facts on each read. The database keeps it
/// (triggers on <c>Facts</c>, made by the EntityFactCounts migration); nothing writes it.
/// </summary>
public sealed class EntityFactCount
{
    public required string EntityId { get; init; }

    public int Facts { get; init; }
}
