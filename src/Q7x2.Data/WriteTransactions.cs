using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Q7x2.Data;

/// <summary>
/// Where write correctness lives: every write (API or seeder) runs its checks and its changes in one transaction that
/// holds the database's write lock from its first statement, so any number of processes can share the database.
/// </summary>
public static class WriteTransactions
{
    /// <summary>How long a writer waits for another one's transaction before it fails.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// Begins a transaction that takes the write lock before it reads anything. On SQLite it is <c>BEGIN IMMEDIATE</c>
    /// (Microsoft.Data.Sqlite begins every transaction that is not <c>ReadUncommitted</c> as non-deferred), which also makes
    /// the change feed's autoincrement positions follow commit order. On PostgreSQL it is a transaction-scoped advisory lock
    /// (<c>pg_advisory_xact_lock</c>) taken first, which gives both guarantees.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this Q7x2Db db, CancellationToken ct)
    {
        // A write is all or nothing: its transaction is rolled back whole when anything fails, so SaveChanges needs no savepoint
        // of its own (two statements per save, and a rollback to it when the request's token fired, which EF logged as an error).
        db.Database.AutoSavepointsEnabled = false;
        if (!db.IsPostgres())
        {
            return await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        }

        // Writers take one lock, held until commit, before their first read: one writer at a time, as on SQLite, so that
        // a write's checks see every earlier write and revision ids are allocated in commit order.
        var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriteLock})", ct);
        return transaction;
    }

    /// <summary>The advisory lock key every PostgreSQL writer takes ("Q7x2W" in ASCII).</summary>
    private const long WriteLock = 0x51_37_78_32_57;
}

/// <summary>Makes SQLite itself wait (<c>busy_timeout</c>) when another process holds the write lock, instead of failing at once.</summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A native call on the open handle, not a PRAGMA statement: every EF command opens its pooled connection, so this runs
    // once per SQL command and must cost no statement of its own.
    private static void Apply(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, WriteTransactions.BusyTimeoutMilliseconds);
        }
    }
}
