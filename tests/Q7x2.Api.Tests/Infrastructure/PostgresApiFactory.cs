using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The real API on PostgreSQL (<c>Database:Provider=Postgres</c>) over a database of its own, created from a template database
/// that the API's own start-up created, migrated and seeded once per test run: the engine's counterpart of
/// <see cref="Q7x2ApiFactory"/>. Skips the test without a server (<see cref="PostgresServer"/>).
/// </summary>
public sealed class PostgresApiFactory : WebApplicationFactory<Program>
{
    private readonly string _admin = PostgresServer.RequireAdmin();
    private readonly string _name = $"q7x2_test_{Guid.NewGuid():N}";
    private bool _created;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (!_created)
        {
            PostgresTemplate.CreateCopy(_admin, _name);
            _created = true;
        }

        Configure(builder, ConnectionString);
        TestKeys.Configure(builder);
    }

    /// <summary>
    /// The factory's database seeded from <paramref name="folder"/> instead of copied from the template (before the host starts):
    /// created, migrated and loaded as start-up does on an empty server.
    /// </summary>
    public Task<SeedResult> SeedAsync(string folder)
    {
        _created = true;
        return SeedAsync(ConnectionString, folder);
    }

    internal static async Task<SeedResult> SeedAsync(string connectionString, string folder)
    {
        await using var db = new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres(connectionString).Options);
        await DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        return await DatabaseCommands.SeedAsync(new Seeder(db, new PostgresSearchIndex()), folder, dryRun: false, CancellationToken.None);
    }

    internal static void Configure(IWebHostBuilder builder, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Seed:Path", Repository.Seed);
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
    }

    /// <summary>A context on the factory's database, for assertions that look under the API.</summary>
    public Q7x2Db CreateDb()
    {
        _ = Server;
        return new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres(ConnectionString).Options);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _created)
        {
            NpgsqlConnection.ClearAllPools();
            PostgresTemplate.Drop(_admin, _name);
        }
    }
}

/// <summary>The seeded PostgreSQL database every <see cref="PostgresApiFactory"/> copies (<c>CREATE DATABASE … TEMPLATE</c>).</summary>
internal static class PostgresTemplate
{
    private static readonly Lazy<string> Name = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _admin;

    public static void CreateCopy(string admin, string name)
    {
        _admin = admin;
        Execute(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{Name.Value}\"");
    }

    public static void Drop(string admin, string name) => Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static string Create()
    {
        var name = $"q7x2_template_{Guid.NewGuid():N}";
        var admin = _admin!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(admin, name);
        // No pooled connection may stay open on a template that is copied.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        using (var host = new TemplateHost(connectionString))
        {
            _ = host.Server; // start-up creates the database, migrates and seeds it
        }

        return name;
    }

    private static void Execute(string admin, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private sealed class TemplateHost(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => PostgresApiFactory.Configure(builder, connectionString);
    }
}
