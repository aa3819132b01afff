using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.OpenApi;
using Q7x2.Data;

namespace Q7x2.Api.Infrastructure;

/// <summary>Marks an endpoint that answers <c>asOf=</c> (for the OpenAPI document).</summary>
internal sealed record AnswersAsOf;

/// <summary>
/// <c>asOf=&lt;change-feed position or RFC 3339 timestamp&gt;</c> on every list and detail of records: the read answers as
/// the data stood right after that change (a timestamp: after the last change committed at or before it). The read runs on
/// its usual connection with every record table replaced, for this request only, by a temporary view of its history at that
/// position (<see cref="History"/>), so every query (filters, facets, paging, embeds) reads the past the same way it reads
/// the present. A position after the latest change or a timestamp in the future, and one before the history begins, are 400.
/// </summary>
internal static partial class AsOfReads
{
    public const string Parameter = "asOf";

    public const string Description =
        "Answer as the data stood right after this change: a change-feed position (the `position` of a change in `/v1/changes`, e.g. `1`, or its `cursor`) or an "
        + "RFC 3339 timestamp (e.g. `2026-12-01T12:00:00Z`: after the last change committed at or before it). A position after the "
        + "latest change, a timestamp in the future and one before the first change are refused (400). All the changes of one "
        + "transaction (a seed run) are seen together. Without it, the current data. The response's `Dataset-Version` header is "
        + "always the latest position.";

    /// <summary>Answers <c>asOf</c> on this endpoint (its handler must take the <see cref="Q7x2Db"/>).</summary>
    public static RouteHandlerBuilder ReadsAsOf(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new AcceptsQueryParameters([Parameter]), new AnswersAsOf())
        .AddEndpointFilterFactory((factory, next) =>
        {
            var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(Q7x2Db));
            if (index < 0)
            {
                throw new InvalidOperationException($"{factory.MethodInfo.Name} answers asOf but takes no {nameof(Q7x2Db)}.");
            }

            return async context =>
            {
                var request = context.HttpContext.Request;
                if (!request.Query.TryGetValue(Parameter, out var raw))
                {
                    return await next(context);
                }

                var db = context.GetArgument<Q7x2Db>(index);
                if (db.IsPostgres())
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { [Parameter] = ["asOf is not available on PostgreSQL yet: the history it reads is kept on SQLite only."] },
                        title: "One or more query parameters are invalid.");
                }

                await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
                var connection = (SqliteConnection)db.Database.GetDbConnection();

                // A CSV export reads its pages in one snapshot: the statements run in its transaction.
                var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
                var (position, error) = Resolve(connection, transaction, raw.Count == 1 ? raw[0] ?? "" : null, DateTime.UtcNow);
                if (error is not null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Parameter] = [error] },
                        title: "One or more query parameters are invalid.");
                }

                // Never left behind: the connection serves the next request of its pooled context. The statements it keeps
                // (PreparedConnections) need nothing: a schema change made through a connection expires its prepared
                // statements, and SQLite prepares each again, against the views, on its next step (and again after them).
                using (History.Shadow(connection, transaction, position))
                {
                    return await next(context);
                }
            };
        });

    /// <summary>The position <paramref name="value"/> names, or why it names none (one value; a position or an RFC 3339 timestamp).</summary>
    internal static (long Position, string? Error) Resolve(SqliteConnection connection, SqliteTransaction? transaction, string? value, DateTime now)
    {
        if (value is null)
        {
            return (0, "Give one asOf value.");
        }

        var (latest, start) = History.Bounds(connection, transaction);
        if (Features.Curation.ChangeCursor.Decode(value) is { } cursor)
        {
            value = cursor.ToString(CultureInfo.InvariantCulture);
        }

        if (Position().IsMatch(value))
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position > latest)
            {
                return (0, $"Position {value} is after the latest change ({latest}).");
            }

            return position < start
                ? (0, latest == 0 ? "There is no change yet to read as of." : $"Position {value} is before the first position the history holds ({start}).")
                : (position, null);
        }

        if (!Timestamp().IsMatch(value)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return (0, $"'{value}' is neither a change position (e.g. 12) nor an RFC 3339 timestamp (e.g. 2026-12-01T12:00:00Z).");
        }

        var utc = at.UtcDateTime;
        if (utc > now)
        {
            return (0, $"{value} is in the future.");
        }

        var found = History.LastAtOrBefore(connection, transaction, utc);
        return found is not { } last || last < start
            ? (0, $"{value} is before the first change the history holds.")
            : (last, null);
    }

    /// <summary>Documents <c>asOf</c> on each operation that answers it.</summary>
    public static OpenApiOptions AddAsOf(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AnswersAsOf>().Any())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Parameter,
                    In = ParameterLocation.Query,
                    Description = Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = JsonValue.Create("1"),
                });
            }

            return Task.CompletedTask;
        });

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Position();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex Timestamp();
}
