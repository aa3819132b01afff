using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The real API over a temporary SQLite file: a copy of the template database (migrated and seeded from the repository's
/// seed/ once per test run by the API's own start-up), so each factory starts on a seeded database without seeding again.
/// With <c>Q7X2_TEST_ENGINE=Postgres</c> the same on PostgreSQL: a database copied from PostgreSQL's template
/// (<see cref="PostgresTemplate"/>), for the run of the suite on the second engine (tests of SQLite's own machinery carry the
/// trait <c>Engine=Sqlite</c> and are left out of that run).
/// </summary>
public sealed class Q7x2ApiFactory : WebApplicationFactory<Program>
{
    /// <summary>Whether this run of the suite is the PostgreSQL one.</summary>
    public static readonly bool OnPostgres = Environment.GetEnvironmentVariable("Q7X2_TEST_ENGINE") == nameof(DatabaseProvider.Postgres);

    private readonly TempDirectory _directory = Repository.TempDirectory();
    private readonly string? _postgres = OnPostgres ? $"q7x2_test_{Guid.NewGuid():N}" : null;
    private bool _created;

    public string DatabasePath => Path.Combine(_directory.Path, "q7x2.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Every SQL command the API sends through EF.</summary>
    public CommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_postgres is not null)
        {
            if (!_created)
            {
                PostgresTemplate.CreateCopy(PostgresServer.RequireAdmin(), _postgres);
                _created = true;
            }

            PostgresApiFactory.Configure(builder, PostgresConnectionString);
            TestKeys.Configure(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.AddInterceptors(Commands)));
            return;
        }

        // Once per factory: a host derived with WithWebHostBuilder runs this again, on the same file another host may be using.
        if (!File.Exists(DatabasePath))
        {
            TemplateDatabase.CopyTo(DatabasePath);
        }

        builder.UseEnvironment("Testing");
        builder.UseSetting("Seed:Path", Repository.Seed);
        TestKeys.Configure(builder);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<Q7x2Db>(options => options.UseQ7x2Sqlite(ConnectionString).AddInterceptors(Commands)));
    }

    /// <summary>The API's arguments that point a subcommand (<see cref="ApiProcess"/>) at the factory's database.</summary>
    public string[] Arguments
    {
        get
        {
            _ = Server;
            return ApiProcess.DatabaseArguments(_postgres is not null ? PostgresConnectionString : null, ConnectionString);
        }
    }

    private string PostgresConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.RequireAdmin()) { Database = _postgres }.ConnectionString;

    /// <summary>A context on the factory's database, for assertions that look under the API.</summary>
    public Q7x2Db CreateDb()
    {
        _ = Server; // the host starts (and copies the template database) on first use
        return _postgres is not null
            ? new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres(PostgresConnectionString).Options)
            : new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite(ConnectionString).Options);
    }

    /// <summary>
    /// The factory's database seeded from <paramref name="folder"/> (a generated corpus) instead of copied from the template, on
    /// the run's engine: call before the host starts.
    /// </summary>
    public Task<SeedResult> SeedAsync(string folder)
    {
        if (_postgres is null)
        {
            return Generation.GeneratedCorpus.SeedAsync(ConnectionString, folder);
        }

        _created = true;
        return PostgresApiFactory.SeedAsync(PostgresConnectionString, folder);
    }

    /// <summary>An open connection to the factory's database (SQLite or PostgreSQL), for statements under the API.</summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        if (_postgres is not null ? !_created : !File.Exists(DatabasePath))
        {
            _ = Server; // the host starts (and copies the template database) on first use
        }

        System.Data.Common.DbConnection connection = _postgres is not null
            ? new Npgsql.NpgsqlConnection(PostgresConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Makes the database unusable under the running API: SQLite's file overwritten, or PostgreSQL's database dropped.</summary>
    public void BreakDatabase()
    {
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostgresTemplate.Drop(PostgresServer.RequireAdmin(), _postgres);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        File.WriteAllText(DatabasePath, new string('x', 4096));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
            if (_created)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                PostgresTemplate.Drop(PostgresServer.RequireAdmin(), _postgres!);
            }
        }
    }
}
