using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Reads that stream as much as there is: a CSV export of a list (<see cref="CsvExport"/>) and the dump of the whole dataset
/// (<c>GET /v1/export</c>). Neither is output-cached; both draw on the client's <c>exports</c> budget (decided from the request
/// alone, before routing), run without the request timeout, and read one snapshot of the database however long they take.
/// </summary>
internal static class Streaming
{
    public const string DumpPath = "/v1/export";

    /// <summary>Whether a read streams: the dump, or a list asked for as CSV.</summary>
    public static bool IsStreamed(HttpRequest request) => request.Path.Equals(DumpPath, StringComparison.Ordinal) || CsvExport.IsRequested(request);

    /// <summary>
    /// Runs <paramref name="read"/> in one deferred read transaction (a snapshot: what commits meanwhile is not seen, and
    /// nothing is locked against writers), with the request timeout off.
    /// </summary>
    public static async Task<T> InSnapshotAsync<T>(HttpContext http, Q7x2Db db, Func<Task<T>> read)
    {
        var ct = http.RequestAborted;
        http.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.DisableTimeout();
        await db.Database.OpenConnectionAsync(ct);
        // PostgreSQL's snapshot is a repeatable-read transaction.
        await using var transaction = db.IsPostgres()
            ? await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, ct)
            : ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        try
        {
            var result = await read();
            await transaction.CommitAsync(ct);
            return result;
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
        }
    }

    /// <summary>Where a streamed body goes: the response's own stream, past <see cref="RepresentationMiddleware"/>'s buffer.</summary>
    public static Stream Body(HttpContext http) => http.Features.Get<StreamedBody>()?.Original ?? http.Response.Body;
}
