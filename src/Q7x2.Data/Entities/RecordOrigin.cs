namespace Q7x2.Data.Entities;

/// <summary>Who owns a record. The seeder only adds, changes and removes seed-owned records.</summary>
public static class RecordOrigin
{
    /// <summary>Also the actor of the revisions a seed run records in the change feed: no API key may have this name.</summary>
    public const string Seed = "seed";
    public const string Curator = "curator";
}

/// <summary>A record the API writes and the seeder owns until then: an entity, fact, observation or source.</summary>
public interface ICuratedRecord
{
    string Id { get; }

    string Origin { get; set; }
}
