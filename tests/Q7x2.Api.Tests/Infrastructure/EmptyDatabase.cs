using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// A database that does not exist yet, on the engine of this run of the suite (<see cref="Q7x2ApiFactory.OnPostgres"/>): a file
/// in <paramref name="folder"/>, or a PostgreSQL database of its own name (<see cref="PostgresServer.TestDatabase"/>). The API's
/// subcommands create it (<see cref="Arguments"/>); dropped on dispose.
/// </summary>
public sealed class EmptyDatabase(string folder, string name) : IAsyncDisposable
{
    private readonly PostgresServer.TestDatabase? _postgres = Q7x2ApiFactory.OnPostgres ? PostgresServer.NewDatabase() : null;

    private string SqliteConnectionString => $"Data Source={Path.Combine(folder, $"{name}.db")}";

    /// <summary>The API's arguments that point it at this database (a subcommand run by <see cref="ApiProcess"/>).</summary>
    public string[] Arguments => ApiProcess.DatabaseArguments(_postgres?.ConnectionString, SqliteConnectionString);

    /// <summary>Points a host of <see cref="Q7x2ApiFactory"/> at this database.</summary>
    public void Serve(IWebHostBuilder builder)
    {
        if (_postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", _postgres.ConnectionString);
            return;
        }

        builder.ConfigureServices(services => services.ConfigureDbContext<Q7x2Db>(options => options.UseQ7x2Sqlite(SqliteConnectionString)));
    }

    public Q7x2Db CreateDb() =>
        _postgres?.CreateDb() ?? new(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite(SqliteConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
    }
}
