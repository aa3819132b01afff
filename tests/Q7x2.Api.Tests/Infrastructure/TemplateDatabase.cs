using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The repository's seed migrated and seeded once per test run, by the real start-up path, into a file that every
/// factory copies: a test class then starts on a seeded database without migrating and seeding again.
/// </summary>
internal static class TemplateDatabase
{
    private static readonly TempDirectory Directory = Repository.TempDirectory();
    private static readonly Lazy<string> Path = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template to <paramref name="target"/>, building the template on first use.</summary>
    public static void CopyTo(string target) => File.Copy(Path.Value, target, overwrite: true);

    private static string Create()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Dispose();
        var path = System.IO.Path.Combine(Directory.Path, "template.db");
        var connectionString = $"Data Source={path};Pooling=False";
        using (var host = new TemplateHost(connectionString))
        {
            _ = host.Server; // start-up migrates and seeds the empty file
        }

        // One file, no WAL beside it: what a copy needs is all in the main file.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        command.ExecuteNonQuery();
        connection.Close();
        SqliteConnection.ClearAllPools();
        return path;
    }

    private sealed class TemplateHost(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Seed:Path", Repository.Seed);
            builder.ConfigureServices(services =>
                services.ConfigureDbContext<Q7x2Db>(options => options.UseQ7x2Sqlite(connectionString)));
        }
    }
}
