using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// A read opens its database connection at most once, however many SQL commands it sends (EF would otherwise open and close
/// the connection around every command), and a repeated read reuses the statements its connection has prepared.
/// </summary>
// SQLite only: the read connections' kept (prepared) statements and pragmas.
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class ReadConnectionTests(ReadConnectionTests.Host host) : IClassFixture<ReadConnectionTests.Host>
{
    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/countries/kyrgyzstan")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/observations?limit=20")]
    [InlineData("/v1/timeline")]
    [InlineData("/v1/search?q=japarov")]
    public async Task AReadOpensItsConnectionOnce(string url)
    {
        host.Uses.Reset();
        var response = await host.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The request's context is the one that sent several commands. Its connection comes from the pool already open (no
        // open at all) or is opened once when the pool had none.
        var request = Assert.Single(host.Uses.Snapshot(), u => u.Commands >= 2);
        Assert.InRange(request.Opens, 0, 1);
    }

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/timeline")]
    [InlineData("/v1/search?q=japarov")]
    [InlineData("/v1/observations?limit=20")]
    public async Task ARepeatedReadPreparesNoStatement(string url)
    {
        var prepared = host.Services.GetRequiredService<PreparedConnections>();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(url)).StatusCode);
        Assert.True(prepared.Prepared > 0, "the read's connection came from the prepared-connection pool");
        var reprepared = prepared.Reprepared;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(url)).StatusCode);
        }

        // Each request takes a pooled connection with its statements. Usually the one the previous request used; but the test
        // server answers before the request's scope gives its context back, so the next request may get a new context, whose
        // connection prepares the read's SQL once. No connection prepares a text it has prepared before.
        Assert.Equal(reprepared, prepared.Reprepared);
    }

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/facts?modality=stated&limit=20")]
    [InlineData("/v1/timeline")]
    [InlineData("/v1/search?q=japarov")]
    public async Task AReadsCommandsRunInOneTransaction(string url)
    {
        host.Uses.Reset();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(url)).StatusCode);

        // In autocommit every statement is a transaction of its own (its own snapshot, its own read lock).
        var request = Assert.Single(host.Uses.Snapshot(), u => u.Commands >= 2);
        Assert.Equal(0, request.InAutocommit);
    }

    [Fact]
    public async Task AReadTransactionIsOneAtATimeAndEndsWithItsRead()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        bool InAutocommit() => SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle!) != 0;

        Assert.True(PreparedConnections.BeginRead(connection));
        Assert.False(InAutocommit());
        Assert.False(PreparedConnections.BeginRead(connection));
        PreparedConnections.EndRead(connection);
        Assert.True(InAutocommit());

        // Not inside a transaction someone else began (a streamed read's snapshot, a write).
        await using (await db.Database.BeginTransactionAsync())
        {
            Assert.False(PreparedConnections.BeginRead(connection));
        }

        Assert.True(InAutocommit());
    }

    /// <summary>SQLITE_STMTSTATUS_REPREPARE: how many times SQLite has prepared a statement again.</summary>
    private const int StatementStatusReprepare = 5;

    [Fact]
    public async Task BindingANewPageSizeDoesNotPlanTheStatementAgain()
    {
        // Every page is LIMIT @p. Without the planner's stability guarantee SQLite reads a bound LIMIT while planning and
        // prepares the statement again each time the parameter is bound anew, which defeats the kept statements.
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        await db.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_prepare_v2(handle, "SELECT \"Id\" FROM \"Facts\" ORDER BY \"Id\" LIMIT ?", out var statement));
        using (statement)
        {
            foreach (var limit in new[] { 21, 3, 101, 21 })
            {
                SQLitePCL.raw.sqlite3_bind_int(statement, 1, limit);
                var rows = 0;
                while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW)
                {
                    rows++;
                }

                Assert.InRange(rows, 1, limit);
                SQLitePCL.raw.sqlite3_reset(statement);
            }

            Assert.Equal(0, SQLitePCL.raw.sqlite3_stmt_status(statement, StatementStatusReprepare, 0));
        }
    }

    /// <summary>Connection opens and reader commands, per context instance.</summary>
    public sealed class UseCounter : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        private readonly ConcurrentDictionary<DbContext, int[]> _uses = new(ReferenceEqualityComparer.Instance);

        public void Reset() => _uses.Clear();

        /// <summary>Per context: connection opens, reader commands, and those of them that ran outside any transaction.</summary>
        public IReadOnlyList<(int Opens, int Commands, int InAutocommit)> Snapshot() =>
            [.. _uses.Values.Select(u => (Volatile.Read(ref u[0]), Volatile.Read(ref u[1]), Volatile.Read(ref u[2])))];

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Count(eventData.Context, 0);
            return Task.CompletedTask;
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Count(eventData.Context, 0);

        public ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ReaderExecuted(command, eventData, result));

        public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Count(eventData.Context, 1);
            if (command.Connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
            {
                Count(eventData.Context, 2);
            }

            return result;
        }

        private void Count(DbContext? context, int slot)
        {
            if (context is not null)
            {
                Interlocked.Increment(ref _uses.GetOrAdd(context, _ => new int[3])[slot]);
            }
        }
    }

    /// <summary>The API without the output cache (every read reaches the database), with the counter.</summary>
    public sealed class Host : IDisposable
    {
        public Host()
        {
            var api = Factory.WithWebHostBuilder(b => b.UseSetting("Caching:Enabled", "false")
                .ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(Uses))));
            Client = api.CreateClient();
            Services = api.Services;
        }

        public Q7x2ApiFactory Factory { get; } = new();

        public UseCounter Uses { get; } = new();

        public HttpClient Client { get; }

        /// <summary>The services of the API that <see cref="Client"/> calls.</summary>
        public IServiceProvider Services { get; }

        public void Dispose() => Factory.Dispose();
    }
}
