namespace Q7x2.Data.Entities;

/// <summary>
/// One write through the API: who, when, what, and the record before and after (its curated seed-shape JSON).
/// <see cref="Id"/> grows with every commit, so it orders the change feed.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }

    /// <summary>The resource collection, as in the URL: people, facts, sources…</summary>
    public required string Resource { get; set; }

    public required string ResourceId { get; set; }

    /// <summary>create, update or delete.</summary>
    public required string Operation { get; set; }

    /// <summary>The name of the API key that made the write.</summary>
    public required string Actor { get; set; }

    public DateTime At { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}

public static class RevisionOperation
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
}
