using System.Collections.Concurrent;
using System.Data.Common;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>A read the API sent: the request it served, its SQL and its parameters' names and values.</summary>
public sealed record RecordedCommand(string Request, string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters);

/// <summary>
/// Records the reads EF sends for requests (their text and parameter values), tagged with the request being served, so a
/// test can ask SQLite how it runs each one.
/// </summary>
public sealed class CommandRecorder : RequestCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedCommand> _commands = new();

    /// <summary>The request the next commands serve (requests are sent one at a time).</summary>
    public string Request { get; set; } = "";

    public IReadOnlyCollection<RecordedCommand> Commands => _commands;

    protected override void OnCommand(DbCommand command) => _commands.Enqueue(new RecordedCommand(Request, command.CommandText,
        [.. command.Parameters.Cast<DbParameter>().Select(p => KeyValuePair.Create(p.ParameterName, p.Value is DBNull ? null : p.Value))]));
}
