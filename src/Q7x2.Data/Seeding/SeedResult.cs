namespace Q7x2.Data.Seeding;

public sealed record SeedResult(int Added, int Changed, int Removed, bool DryRun)
{
    /// <summary>Curator-owned records the seed left alone (see Seeder).</summary>
    public int Kept { get; init; }

    public bool Unchanged => Added == 0 && Changed == 0 && Removed == 0;

    public override string ToString() =>
        $"{Added} added, {Changed} changed, {Removed} removed, {Kept} kept (curator-owned){(DryRun ? " (dry run: nothing written)" : "")}";
}
