using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF sends, so tests can bound what one request costs. The read cache's once-a-second poll of
/// the data version is no request's cost and is not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command);
        return ValueTask.FromResult(result);
    }

    private void Add(DbCommand command)
    {
        if (!command.CommandText.StartsWith($"-- {DataVersion.PollTag}", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
