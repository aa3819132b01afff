using Microsoft.EntityFrameworkCore;
using Npgsql;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: <c>Q7X2_TEST_POSTGRES</c> is a connection string of a role that may create
/// databases (<c>.ci/run</c> starts a private cluster and sets it). Without it the PostgreSQL tests are reported as skipped with
/// the reason, never as passed; CI fails on any skipped test.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "Q7X2_TEST_POSTGRES";

    private static readonly string? Admin = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Skips the calling test when no server is configured.</summary>
    public static string RequireAdmin()
    {
        Skip.If(string.IsNullOrEmpty(Admin), $"{Variable} is not set: no PostgreSQL server to test against (.ci/run starts one).");
        return Admin!;
    }

    /// <summary>A database name of its own, not yet created (the caller's migrate creates it); dropped on dispose.</summary>
    public static TestDatabase NewDatabase() => new(RequireAdmin());

    public sealed class TestDatabase(string admin) : IAsyncDisposable
    {
        public string Name { get; } = $"q7x2_test_{Guid.NewGuid():N}";

        public string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = Name, Pooling = false }.ConnectionString;

        public Q7x2Db CreateDb() => new(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Postgres(ConnectionString).Options);

        public ValueTask DisposeAsync()
        {
            PostgresTemplate.Drop(admin, Name); // its connections are not pooled
            return ValueTask.CompletedTask;
        }
    }
}
