using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>Migrate and seed, shared by the start-up step and the <c>migrate</c> / <c>seed</c> subcommands.</summary>
internal static class DatabaseCommands
{
    public static async Task MigrateAsync(Q7x2Db db, CancellationToken ct)
    {
        // Migrate() first diffs the model against the migrations' snapshot, which costs most of a second of start-up; the
        // history table says in one query whether anything is pending. (CI checks the model against the snapshot.)
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        // WAL lets readers go on while the seeder or a writer commits.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);
    }

    public static Task<SeedResult> SeedAsync(Seeder seeder, string seedPath, bool dryRun, CancellationToken ct) =>
        seeder.ApplyAsync(seedPath, dryRun, ct);
}
