using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Q7x2.Data;
using Q7x2.Data.Search;

namespace Q7x2.Api.Infrastructure;

internal static class DataSetup
{
    /// <summary>Contexts kept for reuse; more concurrent requests than this still get one, built anew.</summary>
    private const int PoolSize = 256;

    public static IServiceCollection AddQ7x2Data(this IServiceCollection services, IConfiguration configuration)
    {
        if (Provider(configuration) == DatabaseProvider.Postgres)
        {
            var postgres = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not configured.");
            services.AddDbContextPool<Q7x2Db>(
                options => options.UseQ7x2Postgres(WithConnectionDefaults(postgres), npgsql => npgsql.CommandTimeout(30)), PoolSize);
            services.AddSingleton<ISearchIndex, PostgresSearchIndex>();
            return services.AddDataServices();
        }

        var connectionString = configuration.GetConnectionString("Sqlite")
            ?? throw new InvalidOperationException("ConnectionStrings:Sqlite is not configured.");
        EnsureDirectory(connectionString);
        // Pooled: a request rents a context (and its connection object) instead of building options and services anew; the
        // interceptors hold no per-request state.
        // Connections stay open with their prepared statements between requests (PreparedConnections).
        services.AddSingleton<PreparedConnections>();
        // A list parameter (ids.Contains(x)) is one JSON parameter read with json_each: one SQL text whatever the count, prepared
        // with one binding, instead of one parameter per element.
        services.AddDbContextPool<Q7x2Db>((provider, options) => options.UseQ7x2Sqlite(connectionString, sqlite =>
            sqlite.CommandTimeout(30).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(provider.GetRequiredService<PreparedConnections>(), new SqliteBusyTimeout(), new SqliteInterruptInterceptor())
            .ReplaceService<IExceptionDetector, SqliteCancellationDetector>(), PoolSize);
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        return services.AddDataServices();
    }

    /// <summary>
    /// Npgsql's <c>Max Auto Prepare</c> when the connection string does not set it (its own default, 0, prepares nothing): a
    /// statement a connection has run five times is then kept prepared on it, parsed and planned once, as SQLite's connections
    /// keep theirs (<see cref="PreparedConnections"/>). Without it PostgreSQL plans every command anew, and planning a
    /// detail's backlinks statement took about 10 ms where running it took 0.4 ms (README, Performance). The reads of the
    /// load suite's scenarios are 25 statements; the least recently used one is closed beyond this many.
    /// </summary>
    internal const int AutoPreparedStatements = 100;

    /// <summary>
    /// The API's connection settings for what the connection string leaves unset: <c>Max Auto Prepare</c> (see
    /// <see cref="AutoPreparedStatements"/>) and <c>No Reset On Close=true</c>. Npgsql's default resets a pooled connection's
    /// session each time it is handed out again (for a connection with prepared statements: <c>RESET ALL</c>, <c>CLOSE ALL</c>,
    /// <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>, <c>DISCARD SEQUENCES</c>, <c>DISCARD TEMP</c>), once per request here;
    /// the API leaves no session state to reset: its settings (<c>SET CONSTRAINTS</c>) and write lock
    /// (<c>pg_advisory_xact_lock</c>) end with their transaction, the start-up lock is released by the step that took it, and it
    /// makes no temporary table and listens to nothing. An open transaction is still rolled back when a connection returns.
    /// Measured on the uncached API (README, Performance): about 10–25% more requests a second on details, lists and the
    /// timeline, and 8–25% less of PostgreSQL's CPU per request.
    /// </summary>
    internal static string WithConnectionDefaults(string connectionString)
    {
        // The Npgsql builder names every keyword it knows, set or not; its connection string lists the ones set, by their
        // canonical names (maxautoprepare and MAX AUTO PREPARE become Max Auto Prepare).
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        var set = new DbConnectionStringBuilder { ConnectionString = npgsql.ConnectionString };
        if (!set.ContainsKey("Max Auto Prepare"))
        {
            npgsql.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!set.ContainsKey("No Reset On Close"))
        {
            npgsql.NoResetOnClose = true;
        }

        return npgsql.ConnectionString;
    }

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (the default) or <c>Postgres</c>.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);

    private static IServiceCollection AddDataServices(this IServiceCollection services)
    {
        services.AddScoped<Q7x2.Data.Seeding.Seeder>();
        services.AddSingleton<DatabaseReady>();
        services.AddSingleton<DatabaseInitializer>().AddHostedService(provider => provider.GetRequiredService<DatabaseInitializer>());
        // The server builds its pipeline and endpoints while the database is migrated (StartedGate holds early requests).
        services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        return services;
    }

    /// <summary>SQLite creates the file but not its folder (data/ on a fresh clone).</summary>
    private static void EnsureDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource.Length == 0 || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    public static string SeedPath(IConfiguration configuration) => configuration["Seed:Path"] ?? "seed";
}
