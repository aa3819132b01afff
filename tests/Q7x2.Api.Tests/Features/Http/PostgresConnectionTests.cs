using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// The API's connections on PostgreSQL: a repeated statement is kept prepared on its connection (Npgsql's automatic preparation),
/// and the data-version poll outlives connections the server ended (skipped without a server: <see cref="PostgresServer"/>).
/// </summary>
// Picks its engine itself (or uses no database): the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class PostgresConnectionTests
{
    [Theory]
    [InlineData("Host=db;Database=q7x2", DataSetup.AutoPreparedStatements)]
    [InlineData("Host=db;Database=q7x2;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=q7x2;maxautoprepare=7", 7)]
    [InlineData("Host=db;Database=q7x2;MAX AUTO PREPARE=250", 250)]
    public void AConnectionStringKeepsItsOwnMaxAutoPrepareElseGetsTheApisDefault(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DataSetup.WithConnectionDefaults(connectionString));

        Assert.Equal(expected, result.MaxAutoPrepare);
        Assert.Equal(("db", "q7x2"), (result.Host, result.Database));
    }

    [Theory]
    [InlineData("Host=db;Database=q7x2", true)]
    [InlineData("Host=db;Database=q7x2;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=q7x2;noresetonclose=true", true)]
    [InlineData("Host=db;Database=q7x2;NO RESET ON CLOSE=False;Max Auto Prepare=3", false)]
    public void AConnectionStringKeepsItsOwnNoResetOnCloseElseTheApiSkipsTheReset(string connectionString, bool expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DataSetup.WithConnectionDefaults(connectionString));

        Assert.Equal(expected, result.NoResetOnClose);
        Assert.Equal(("db", "q7x2"), (result.Host, result.Database));
    }

    [SkippableFact]
    public async Task AStatementRunRepeatedlyIsKeptPreparedOnItsConnection()
    {
        using var factory = new PostgresApiFactory();

        Assert.True(await PreparedAfterRepeatsAsync(factory.Services) > 0);
    }

    [SkippableFact]
    public async Task MaxAutoPrepareZeroInTheConnectionStringPreparesNothing()
    {
        using var factory = new PostgresApiFactory();
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Postgres", $"{factory.ConnectionString};Max Auto Prepare=0"));

        Assert.Equal(0, await PreparedAfterRepeatsAsync(host.Services));
    }

    [SkippableFact]
    public async Task AConnectionBackInThePoolHoldsNoSessionStateOfTheRequestThatUsedIt()
    {
        // What makes skipping Npgsql's reset safe (DataSetup.WithConnectionDefaults): a write's lock and settings end with its
        // transaction, so the API's pooled connections, which are no longer reset, hold no advisory lock and no transaction.
        using var factory = new PostgresApiFactory();
        var client = factory.CreateClient().WithKey(TestKeys.Curator);
        const string url = "/v1/facts/japarov-president-of-kyrgyzstan";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync(url, $$"""{ "note": "Write {{i}}." }""")).StatusCode);
        }

        await using var admin = new NpgsqlConnection(factory.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())),
                (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                    AND state IN ('idle in transaction', 'idle in transaction (aborted)')),
                (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())
            """, admin);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal(0, reader.GetInt64(0)); // no advisory lock left
        Assert.Equal(0, reader.GetInt64(1)); // no connection left in a transaction (one may be running the data-version poll)
        Assert.True(reader.GetInt64(2) > 0, "the API's pooled connections are open");
    }

    /// <summary>The statements prepared on a context's connection (not by SQL PREPARE) after it ran one query six times.</summary>
    private static async Task<long> PreparedAfterRepeatsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            Assert.NotEmpty(await db.Predicates.AsNoTracking().Where(p => p.Id != "").Select(p => p.Id).ToListAsync());
        }

        return await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE NOT from_sql").SingleAsync();
    }

    [SkippableFact]
    public async Task APollOnAConnectionTheServerEndedLeavesTheApiRunning()
    {
        var polls = new PollRecorder();
        using var factory = new PostgresApiFactory();
        using var host = factory.WithWebHostBuilder(b => b
            .UseSetting("Caching:PollInterval", "00:00:00.050")
            .ConfigureServices(s => s.ConfigureDbContext<Q7x2Db>(o => o.AddInterceptors(polls))));
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/predicates")).StatusCode);

        // What a restart of the server does to the API's pooled connections: each is ended (57P01) and the next command on it fails.
        using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.RequireAdmin()) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name", admin);
            terminate.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!);
            Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0);
        }

        var clock = Stopwatch.StartNew();
        while (polls.Failed == 0 || polls.SucceededSinceFailure == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"polls after the connections ended: {polls.Failed} failed, {polls.SucceededSinceFailure} succeeded since");
            await Task.Delay(20);
        }

        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        // Requests may still meet ended connections left in the pool (each is dropped when it fails); then they are served.
        var statuses = new List<HttpStatusCode>();
        while (statuses.LastOrDefault() != HttpStatusCode.OK && statuses.Count < 20)
        {
            statuses.Add((await client.GetAsync("/v1/predicates")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
    }

    /// <summary>Counts the data-version polls that failed, and those that succeeded after the last failure.</summary>
    private sealed class PollRecorder : DbCommandInterceptor
    {
        private int _failed;
        private int _succeededSinceFailure;

        public int Failed => Volatile.Read(ref _failed);

        public int SucceededSinceFailure => Volatile.Read(ref _succeededSinceFailure);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (IsPoll(command) && Failed > 0)
            {
                Interlocked.Increment(ref _succeededSinceFailure);
            }

            return ValueTask.FromResult(result);
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsPoll(command))
            {
                Interlocked.Exchange(ref _succeededSinceFailure, 0);
                Interlocked.Increment(ref _failed);
            }

            return Task.CompletedTask;
        }

        private static bool IsPoll(DbCommand command) => command.CommandText.StartsWith("-- data-version poll", StringComparison.Ordinal);
    }
}
