using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>Migrate and seed, shared by the start-up step and the <c>migrate</c> / <c>seed</c> subcommands.</summary>
internal static class DatabaseCommands
{
    public static async Task MigrateAsync(Q7x2Db db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);

        // WAL lets readers go on while the seeder or a writer commits.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);
    }

    public static async Task<SeedResult> SeedAsync(Seeder seeder, string seedPath, bool dryRun, CancellationToken ct)
    {
        var seed = SeedLoader.Load(seedPath);
        return await seeder.ApplyAsync(seed, dryRun, ct);
    }
}
