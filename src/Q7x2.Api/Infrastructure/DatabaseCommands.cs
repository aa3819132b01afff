using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Infrastructure;

/// <summary>Migrate and seed, shared by the start-up step and the <c>migrate</c> / <c>seed</c> subcommands.</summary>
internal static class DatabaseCommands
{
    public static async Task MigrateAsync(Q7x2Db db, CancellationToken ct)
    {
        if (db.IsPostgres())
        {
            // EF Core takes its own migration lock on PostgreSQL; the history is not kept there yet.
            await CreateIfMissingAsync(db, ct);
            // The history table first: on a new database EF Core reads it before creating it and logs that failed read at error
            // level (npgsql/efcore.pg#3407), though the migration goes on.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync(DeferrableReferences, ct);
            return;
        }

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

    /// <summary>
    /// Every foreign key of the schema made <c>DEFERRABLE</c> (checked at once unless a transaction defers it), after every
    /// migration, as EF creates them without: a curator's write replaces a record's row within its transaction, and the records
    /// that point at it are checked at commit (<c>SET CONSTRAINTS ALL DEFERRED</c>, SQLite's <c>defer_foreign_keys</c>).
    /// </summary>
    private const string DeferrableReferences = """
        DO $$
        DECLARE c record;
        BEGIN
            FOR c IN SELECT conrelid::regclass AS "table", conname FROM pg_constraint
                WHERE contype = 'f' AND NOT condeferrable AND connamespace = 'public'::regnamespace
            LOOP
                EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', c."table", c.conname);
            END LOOP;
        END $$;
        """;

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
            command.CommandText = db.IsPostgres()
                ? "SELECT to_regclass('\"__EFMigrationsHistory\"')::text"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (await command.ExecuteScalarAsync(ct) is null or DBNull)
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

    /// <summary>
    /// Runs <paramref name="step"/> (migrate, then seed an empty database) as the only process doing so. On PostgreSQL, several
    /// replicas start at once against one server: the database is created if missing (a replica that loses the race to create it
    /// goes on), then the step runs under a session advisory lock, so the first replica migrates and seeds while the others
    /// wait and then find nothing to do. On SQLite the seeder's write lock already serialises seeds, and migrations are EF
    /// Core's own lock.
    /// </summary>
    public static async Task ExclusivelyAsync(Q7x2Db db, Func<CancellationToken, Task> step, CancellationToken ct)
    {
        if (!db.IsPostgres())
        {
            await step(ct);
            return;
        }

        await CreateIfMissingAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartLock})", ct);
            try
            {
                await step(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates the PostgreSQL database when it is missing (a replica that loses the race to create it goes on). Whether it exists
    /// is asked of the server's maintenance database: EF Core's own check opens the missing database and logs the refused
    /// connection at error level on every first start. A role that may not connect there falls back to EF Core's check.
    /// </summary>
    private static async Task CreateIfMissingAsync(Q7x2Db db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        var target = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        bool exists;
        try
        {
            var maintenance = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
            await using var connection = new Npgsql.NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(ct);
            await using var query = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
            query.Parameters.Add(new Npgsql.NpgsqlParameter { Value = target.Database ?? target.Username ?? "" });
            exists = await query.ExecuteScalarAsync(ct) is not null;
        }
        catch (Npgsql.NpgsqlException)
        {
            exists = await creator.ExistsAsync(ct);
        }

        if (exists)
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it first.
        }
    }

    /// <summary>The advisory lock key of migrate-and-seed ("Q7x2" in ASCII).</summary>
    private const long StartLock = 0x51_37_78_32;

    /// <summary>
    /// Migrates, then seeds when the database holds no source, as the only process doing so (<see cref="ExclusivelyAsync"/>):
    /// what start-up does, and <c>seed --if-empty</c>. Null when the database already held data (it is left as it was).
    /// </summary>
    public static async Task<SeedResult?> MigrateAndSeedIfEmptyAsync(Q7x2Db db, Seeder seeder, string seedPath, bool dryRun, CancellationToken ct)
    {
        SeedResult? result = null;
        await ExclusivelyAsync(db, async ct =>
        {
            await MigrateAsync(db, ct);
            if (!await db.Sources.AnyAsync(ct))
            {
                result = await SeedAsync(seeder, seedPath, dryRun, ct);
            }
        }, ct);
        return result;
    }

    public static Task<SeedResult> SeedAsync(Seeder seeder, string seedPath, bool dryRun, CancellationToken ct) =>
        seeder.ApplyAsync(seedPath, dryRun, ct);
}
