using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// A database that does not exist yet, on the engine of this run of the suite (<see cref="Q7x2ApiFactory.OnPostgres"/>): a file
/// in <paramref name="folder"/>, or a PostgreSQL database of its own name. The API's subcommands create it
/// (<see cref="Arguments"/>); dropped on dispose.
/// </summary>
public sealed class EmptyDatabase(string folder, string name) : IDisposable
{
    private readonly string? _postgres = Q7x2ApiFactory.OnPostgres
        ? new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.RequireAdmin()) { Database = $"q7x2_test_{Guid.NewGuid():N}" }.ConnectionString
        : null;

    private string SqliteConnectionString => $"Data Source={Path.Combine(folder, $"{name}.db")}";

    /// <summary>The API's arguments that point it at this database (a subcommand run by <see cref="ApiProcess"/>).</summary>
    public string[] Arguments => _postgres is not null
        ? ["--Database:Provider=Postgres", $"--ConnectionStrings:Postgres={_postgres}"]
        : [$"--ConnectionStrings:Sqlite={SqliteConnectionString}"];

    /// <summary>Points a host of <see cref="Q7x2ApiFactory"/> at this database.</summary>
    public void Serve(IWebHostBuilder builder)
    {
        if (_postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", _postgres);
            return;
        }

        builder.ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.UseQ7x2Sqlite(SqliteConnectionString)));
    }

    public Q7x2Db CreateDb() => new(_postgres is not null
        ? new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres(_postgres).Options
        : new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite(SqliteConnectionString).Options);

    public void Dispose()
    {
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostgresTemplate.Drop(PostgresServer.RequireAdmin(), new Npgsql.NpgsqlConnectionStringBuilder(_postgres).Database!);
            return;
        }

        SqliteConnection.ClearAllPools();
    }
}
