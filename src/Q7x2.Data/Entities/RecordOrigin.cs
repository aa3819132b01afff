namespace Q7x2.Data.Entities;

/// <summary>Who owns a record. The seeder only adds, changes and removes seed-owned records.</summary>
public static class RecordOrigin
{
    public const string Seed = "seed";
    public const string Curator = "curator";
}
