using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The reader and scalar commands EF sends for requests, handed to <see cref="OnCommand"/>. The read cache's
/// once-a-second poll of the data version serves no request and is passed over.
/// </summary>
public abstract class RequestCommandInterceptor : DbCommandInterceptor
{
    protected abstract void OnCommand(DbCommand command);

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
            OnCommand(command);
        }
    }
}
