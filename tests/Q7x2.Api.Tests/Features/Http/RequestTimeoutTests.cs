using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class RequestTimeoutTests : IDisposable
{
    private readonly Q7x2ApiFactory _inner = new();
    private readonly SlowPredicates _slow = new();

    public void Dispose() => _inner.Dispose();

    [Fact]
    public async Task AQueryThatOutlivesTheTimeoutIsInterruptedAndAnswered503Problem()
    {
        using var factory = _inner.WithWebHostBuilder(builder => builder
            .UseSetting("RequestTimeouts:Seconds", "2")
            .UseSetting("Caching:Enabled", "false") // every request runs its queries, not a cached answer
            .ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(_slow))));
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5); // if the query were not interrupted, this would fail instead of hanging
        _ = await client.GetAsync("/v1/predicates"); // warm up: the first request compiles the queries
        _slow.Failures.Clear();

        _slow.Armed = true;
        var response = await client.GetAsync("/v1/predicates");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Request timed out", problem.GetProperty("title").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var failure = Assert.Single(_slow.Failures);
        Assert.True(failure is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT }, $"the slow query ended with {failure}");

        _slow.Armed = false;
        await (await client.GetAsync("/v1/predicates")).ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Once armed, turns the next query of predicates into one that counts to a billion (minutes of work), and records how it ended.</summary>
    private sealed class SlowPredicates : DbCommandInterceptor
    {
        public volatile bool Armed;

        public ConcurrentQueue<Exception> Failures { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("\"Predicates\"", StringComparison.Ordinal))
            {
                Armed = false;
                command.CommandText = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c";
                command.Parameters.Clear();
            }

            return ValueTask.FromResult(result);
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Failures.Enqueue(eventData.Exception);
            return Task.CompletedTask;
        }
    }
}
