using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>A read the API sent: the request it served, its SQL and its parameters' names and values.</summary>
public sealed record RecordedCommand(string Request, string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>
/// Records the reads EF sends (their text and parameter values), tagged with the request being served, so a test can ask
/// SQLite how it runs each one. The read cache's poll of the data version is no request's read and is left out.
/// </summary>
public sealed class CommandRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();

    /// <summary>The request the next commands serve (requests are sent one at a time).</summary>
    public string Request { get; set; } = "";

    public IReadOnlyCollection<RecordedCommand> Commands => _commands;

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
            _commands.Enqueue(new RecordedCommand(Request, command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => KeyValuePair.Create(p.ParameterName, p.Value is DBNull ? null : p.Value))]));
        }
    }
}
