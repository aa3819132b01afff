using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Q7x2.Data.CompiledModel;

namespace Q7x2.Data;

/// <summary>The engine behind <see cref="Q7x2Db"/> (<c>Database:Provider</c>): SQLite by default, PostgreSQL to scale out.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// How a <see cref="Q7x2Db"/> is configured for each engine, in one place: the migrations assembly of the engine and, for SQLite,
/// the compiled model. The compiled model was generated for SQLite (its store types are SQLite's), so it is named here rather
/// than found by EF Core's assembly attribute, which would hand it to a PostgreSQL context too; PostgreSQL builds its model at
/// start-up.
/// </summary>
public static class DatabaseEngine
{
    public const string SqliteMigrations = "Q7x2.Migrations.Sqlite";
    public const string PostgresMigrations = "Q7x2.Migrations.Postgres";

    public static TBuilder UseQ7x2Sqlite<TBuilder>(
        this TBuilder options, string connectionString, Action<SqliteDbContextOptionsBuilder>? configure = null)
        where TBuilder : DbContextOptionsBuilder =>
        (TBuilder)options.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(SqliteMigrations);
            configure?.Invoke(sqlite);
        }).UseModel(Q7x2DbModel.Instance);

    public static TBuilder UseQ7x2Postgres<TBuilder>(
        this TBuilder options, string connectionString, Action<NpgsqlDbContextOptionsBuilder>? configure = null)
        where TBuilder : DbContextOptionsBuilder
    {
        // Npgsql sends DateOnly.MaxValue as 'infinity' unless told not to; 9999-12-31 is the sort key of an undated record (a
        // stored date), and a keyset cursor at it compared with infinity never moved on.
        AppContext.SetSwitch("Npgsql.DisableDateTimeInfinityConversions", true);
        return (TBuilder)options.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsAssembly(PostgresMigrations);
            configure?.Invoke(npgsql);
        });
    }

    /// <summary>Whether a context runs on PostgreSQL (its model and raw SQL differ there).</summary>
    public static bool IsPostgres(this Q7x2Db db) => db.OnPostgres;
}
