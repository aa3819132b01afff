using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Makes cancellation stop a running SQLite query. Microsoft.Data.Sqlite (10.0) runs "async" commands synchronously, its
/// <c>SqliteCommand.Cancel()</c> does nothing, and <c>CommandTimeout</c> only bounds the wait for a lock; nothing in it calls
/// <c>sqlite3_interrupt</c>. So while a command (or its reader) runs, the request's token is registered to interrupt the connection;
/// the registration is disposed, waiting for a running callback, before the reader or command is released, so an interrupt never
/// reaches a later command on a pooled connection.
/// </summary>
internal sealed class SqliteInterruptInterceptor : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, Watch> Watches = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    /// <summary>SQLITE_INTERRUPT, as Microsoft.Data.Sqlite reports it (possibly wrapped, e.g. by DbUpdateException).</summary>
    public static bool IsInterrupt(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT })
            {
                return true;
            }
        }

        return false;
    }

    private static void Start(DbCommand command, CancellationToken token)
    {
        if (token.CanBeCanceled && command.Connection is SqliteConnection { Handle: { } handle })
        {
            Watches.AddOrUpdate(command, new Watch(token.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle))));
        }
    }

    private static void Stop(DbCommand command)
    {
        if (Watches.TryGetValue(command, out var watch))
        {
            Watches.Remove(command);
            watch.Registration.Dispose();
        }
    }

    private sealed record Watch(CancellationTokenRegistration Registration);
}

/// <summary>
/// Tells EF Core that a command or query interrupted because its token was cancelled was cancelled, not failed: EF then logs it
/// as canceled (debug) instead of as an error, as it does for an <see cref="OperationCanceledException"/>. EF's own detector
/// knows only that exception, so each client that went away mid-query left two <c>fail</c> lines in the log.
/// </summary>
internal sealed class SqliteCancellationDetector : IExceptionDetector
{
    public bool IsCancellation(Exception exception, CancellationToken cancellationToken = default) =>
        exception is OperationCanceledException
        || (cancellationToken.IsCancellationRequested && SqliteInterruptInterceptor.IsInterrupt(exception));
}

internal static class SqliteInterrupt
{
    /// <summary>
    /// Inside <c>UseRequestTimeouts</c>: an interrupted query of a cancelled request surfaces as the cancellation it is, so the
    /// timeout middleware answers its 503 problem (and a client that went away is not reported as a server error).
    /// </summary>
    public static IApplicationBuilder UseSqliteInterruptAsCancellation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (context.RequestAborted.IsCancellationRequested && SqliteInterruptInterceptor.IsInterrupt(e))
            {
                throw new OperationCanceledException("The database query was interrupted because the request was cancelled.", e, context.RequestAborted);
            }
        });
}
