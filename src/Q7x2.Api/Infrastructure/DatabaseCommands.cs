using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        if ((await PendingMigrationsAsync(db, ct)).Count > 0)
        {
            await OnConnectionAsync(db, History.DropTriggers, ct);
            await db.Database.MigrateAsync(ct);
        }

        // WAL lets readers go on while the seeder or a writer commits.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);

        // The history of the record tables is derived from their columns: brought up to date after every migration.
        await OnConnectionAsync(db, History.Ensure, ct);
    }

    private static async Task OnConnectionAsync(Q7x2Db db, Action<SqliteConnection> action, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            action((SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The migrations of the assembly that the history table does not list, read with one plain query: EF's own history
    /// repository (<c>GetPendingMigrationsAsync</c>) builds a model and compiles a query for it first, a few hundred
    /// milliseconds of start-up (and of every readiness check). A database without the history table has everything pending.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(Q7x2Db db, CancellationToken ct)
    {
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (await command.ExecuteScalarAsync(ct) is null)
            {
                return [.. migrations];
            }

            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. migrations.Where(m => !applied.Contains(m))];
    }

    public static Task<SeedResult> SeedAsync(Seeder seeder, string seedPath, bool dryRun, CancellationToken ct) =>
        seeder.ApplyAsync(seedPath, dryRun, ct);
}
