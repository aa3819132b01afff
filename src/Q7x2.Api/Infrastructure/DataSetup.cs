using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Search;

namespace Q7x2.Api.Infrastructure;

internal static class DataSetup
{
    public const string MigrationsAssembly = "Q7x2.Migrations.Sqlite";

    public static IServiceCollection AddQ7x2Data(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Sqlite")
            ?? throw new InvalidOperationException("ConnectionStrings:Sqlite is not configured.");
        EnsureDirectory(connectionString);
        services.AddDbContext<Q7x2Db>(options => options.UseSqlite(connectionString, sqlite =>
            sqlite.MigrationsAssembly(MigrationsAssembly).CommandTimeout(30))
            .AddInterceptors(new SqliteBusyTimeout(), new SqliteInterruptInterceptor()));
        services.AddSingleton<ISearchIndex, SqliteSearchIndex>();
        services.AddScoped<Q7x2.Data.Seeding.Seeder>();
        services.AddHostedService<DatabaseInitializer>();
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
