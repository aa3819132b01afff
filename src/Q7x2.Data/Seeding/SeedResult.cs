namespace Q7x2.Data.Seeding;

public sealed record SeedResult(int Added, int Changed, int Removed, bool DryRun)
{
    public bool Unchanged => Added == 0 && Changed == 0 && Removed == 0;

    public override string ToString() =>
        $"{Added} added, {Changed} changed, {Removed} removed{(DryRun ? " (dry run: nothing written)" : "")}";
}
