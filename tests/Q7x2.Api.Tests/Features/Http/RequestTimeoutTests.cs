using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class RequestTimeoutTests : IDisposable
{
    private readonly Q7x2ApiFactory _inner = new();
    private readonly SlowPredicates _slow = new();
    private readonly ErrorLog _errors = new();

    public void Dispose() => _inner.Dispose();

    [Fact]
    public async Task AQueryThatOutlivesTheTimeoutIsInterruptedAndAnswered503Problem()
    {
        using var factory = _inner.WithWebHostBuilder(builder => builder
            .UseSetting("RequestTimeouts:Seconds", "2")
            .UseSetting("Caching:Enabled", "false") // every request runs its queries, not a cached answer
            .ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(_errors))
                .ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(_slow))));
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5); // if the query were not interrupted, this would fail instead of hanging
        _ = await client.GetAsync("/v1/predicates"); // warm up: the first request compiles the queries
        _slow.Failures.Clear();
        _errors.Entries.Clear();

        _slow.Armed = true;
        var response = await client.GetAsync("/v1/predicates");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Request timed out", problem.GetProperty("title").GetString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // Interrupted, and reported by EF as canceled (not failed): the cancellation is the request's, not a fault of the server.
        Assert.Equal(1, _slow.Canceled);
        Assert.Empty(_slow.Failures);
        Assert.Empty(_errors.Entries);

        _slow.Armed = false;
        await (await client.GetAsync("/v1/predicates")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWriteThatCommittedIsAnsweredThoughTheTimeoutCameRightAfterItsCommit()
    {
        var afterCommit = new StallAfterCommit();
        var (factory, client) = await WarmWriterAsync(afterCommit, ("RequestTimeouts:Seconds", "2"));
        using var _ = factory;

        afterCommit.Armed = true;
        var response = await client.PatchAsync(WrittenFact, """{ "note": "Committed just before the request's time ran out." }""");

        var patched = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(afterCommit.Stalled);
        Assert.Equal("Committed just before the request's time ran out.", patched.GetProperty("note").GetString());
        Assert.Equal(response.Headers.ETag!.Tag, await client.ETagAsync(WrittenFact));
        Assert.Empty(_errors.Entries);
    }

    [Fact]
    public async Task AWriteHasTimeOfItsOwnAndIsStoppedUnwrittenWhenThatRunsOut()
    {
        var stall = new StallBeforeRevision();
        var (factory, client) = await WarmWriterAsync(stall, ("RequestTimeouts:Seconds", "1"), ("RequestTimeouts:WriteSeconds", "8"));
        using var _ = factory;

        // Three seconds inside the write (as behind another writer's lock): past the reads' timeout, within the writes'.
        stall.HoldNext(TimeSpan.FromSeconds(3));
        var waited = await client.PatchAsync(WrittenFact, """{ "note": "Written after a wait longer than a read may take." }""");

        Assert.Equal("Written after a wait longer than a read may take.", (await waited.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("note").GetString());
        Assert.True(stall.Stalled > TimeSpan.FromSeconds(2.5), $"stalled {stall.Stalled}"); // a timer may fire a little early

        // Held until the request's token fires: the writes' timeout still stops a write, with nothing written.
        stall.HoldNext(TimeSpan.FromMinutes(2));
        var stopped = await client.PatchAsync(WrittenFact, """{ "note": "Never written." }""");

        var problem = await stopped.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The request took longer than 8 s and was stopped; nothing it started is left running. Narrow it or retry later.",
            problem.GetProperty("detail").GetString());
        Assert.InRange(stall.Stalled, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(60));
        var current = await (await client.GetAsync(WrittenFact)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Written after a wait longer than a read may take.", current.GetProperty("note").GetString());
        Assert.True(_errors.Entries.IsEmpty, string.Join("\n", _errors.Entries));
    }

    private const string WrittenFact = "/v1/facts/japarov-president-of-kyrgyzstan";

    /// <summary>
    /// A curator's client of the API with <paramref name="settings"/>, <paramref name="interceptor"/> and the error log, after a first
    /// write (which compiles the write path, so that the clock of what follows measures the write alone).
    /// </summary>
    private async Task<(WebApplicationFactory<Program> Factory, HttpClient Client)> WarmWriterAsync(
        IInterceptor interceptor, params (string Key, string Value)[] settings)
    {
        var factory = _inner.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(_errors))
                .ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(interceptor)));
        });
        var client = factory.CreateClient().WithKey(TestKeys.Curator);
        _ = await client.PatchAsync(WrittenFact, """{ "note": "A first write, which compiles the write path." }""");
        _errors.Entries.Clear();
        return (factory, client);
    }

    [Fact]
    // SQLite only: sqlite3_interrupt and its error code; PostgreSQL cancels a command through Npgsql's own cancellation.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public void OnlyAnInterruptOfACancelledCommandCountsAsACancellation()
    {
        using var scope = _inner.Services.CreateScope();
        var detector = scope.ServiceProvider.GetRequiredService<Q7x2Db>().GetService<IExceptionDetector>();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var interrupt = new SqliteException("interrupted", SQLitePCL.raw.SQLITE_INTERRUPT);

        Assert.True(detector.IsCancellation(interrupt, cancelled.Token));
        Assert.True(detector.IsCancellation(new OperationCanceledException(), CancellationToken.None));
        Assert.False(detector.IsCancellation(interrupt, CancellationToken.None)); // an interrupt nobody asked for is a failure
        Assert.False(detector.IsCancellation(new SqliteException("busy", SQLitePCL.raw.SQLITE_BUSY), cancelled.Token));
    }

    /// <summary>Once armed, turns the next query of predicates into one that counts to a billion (minutes of work), and records how it ended.</summary>
    private sealed class SlowPredicates : DbCommandInterceptor
    {
        private int _canceled;

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

        public int Canceled => Volatile.Read(ref _canceled);

        public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _canceled);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Once armed, holds the next commit's caller, after the commit, until the request's token is cancelled (its timeout fired)
    /// or, should the timeout no longer apply, for twice the timeout.
    /// </summary>
    private sealed class StallAfterCommit : DbTransactionInterceptor
    {
        public volatile bool Armed;

        public volatile bool Stalled;

        public override async Task TransactionCommittedAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!Armed)
            {
                return;
            }

            Armed = false;
            Stalled = true;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>
    /// Once given a time (<see cref="HoldNext"/>), holds the next write's revision insert that long or until the request's token is
    /// cancelled, whichever comes first, and records how long it held it.
    /// </summary>
    private sealed class StallBeforeRevision : DbCommandInterceptor
    {
        private long _next;
        private long _stalled;

        public void HoldNext(TimeSpan time) => Interlocked.Exchange(ref _next, time.Ticks);

        public TimeSpan Stalled => TimeSpan.FromTicks(Interlocked.Read(ref _stalled));

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await StallAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await StallAsync(command, cancellationToken);
            return result;
        }

        private async Task StallAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (!command.CommandText.Contains("INSERT INTO \"Revisions\"", StringComparison.Ordinal))
            {
                return;
            }

            var ticks = Interlocked.Exchange(ref _next, 0);
            if (ticks <= 0)
            {
                return;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await Task.Delay(TimeSpan.FromTicks(ticks), cancellationToken);
            }
            finally
            {
                Interlocked.Exchange(ref _stalled, started.Elapsed.Ticks);
            }
        }
    }

    /// <summary>Log entries at error level or above, from any category.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Entries.Enqueue($"{category}[{eventId.Id}]: {formatter(state, exception)}");
                }
            }
        }
    }
}
