using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Q7x2.Data;

/// <summary>
/// Hand-written reads that EF cannot express as cheaply, on either engine: one SQL text per engine, built once from one
/// template (<see cref="EngineSql"/>), read row by row from EF's raw command (so it is logged, counted, interrupted and kept
/// prepared like every other command) without EF's raw-SQL query pipeline.
/// </summary>
public static class RawSql
{
    public static Task<List<T>> ReadAsync<T>(
        Q7x2Db db, EngineSql sql, IReadOnlyList<DbParameter> parameters, Func<DbDataReader, T> map, CancellationToken ct) =>
        ReadAsync(db, sql.For(db), parameters, map, ct);

    /// <summary>One statement of the context's engine.</summary>
    public static Task<List<T>> ReadAsync<T>(
        Q7x2Db db, string sql, IReadOnlyList<DbParameter> parameters, Func<DbDataReader, T> map, CancellationToken ct) =>
        ReadSetsAsync(db, sql, parameters, sets => sets.NextAsync(map), ct);

    /// <summary>
    /// Several statements of the context's engine in one command: one round trip, and EF's per-command work once. <paramref name="read"/>
    /// takes their result sets in order (<see cref="ResultSets.NextAsync"/>).
    /// </summary>
    public static async Task<T> ReadSetsAsync<T>(
        Q7x2Db db, string sql, IReadOnlyList<DbParameter> parameters, Func<ResultSets, Task<T>> read, CancellationToken ct)
    {
        // The text goes to the command as it is: EF's raw-SQL builder would run it through string.Format (for {0} placeholders
        // this code does not use) and copy it twice, several KB per request for a detail's statements.
        var given = new IRelationalParameter[parameters.Count];
        for (var i = 0; i < given.Length; i++)
        {
            given[i] = new GivenParameter(parameters[i]);
        }

        var command = new RelationalCommand(db.GetService<RelationalCommandBuilderDependencies>(), sql, sql, given);
        var arguments = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), null, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());
        await using var reader = await command.ExecuteReaderAsync(arguments, ct);
        return await read(new ResultSets(reader.DbDataReader, ct));
    }

    /// <summary>A parameter made by the caller (<see cref="Parameter"/>, <see cref="List"/>), added to the command as it is.</summary>
    private sealed class GivenParameter(DbParameter parameter) : IRelationalParameter
    {
        public string InvariantName => parameter.ParameterName;

        public void AddDbParameter(DbCommand command, object? value) => command.Parameters.Add(parameter);

        public void AddDbParameter(DbCommand command, IReadOnlyDictionary<string, object?>? parameterValues) => command.Parameters.Add(parameter);
    }

    /// <summary>A parameter of the context's engine; <paramref name="type"/> types a null (PostgreSQL infers no type from it).</summary>
    public static DbParameter Parameter(Q7x2Db db, string name, object? value, DbType? type = null)
    {
        DbParameter parameter = db.IsPostgres() ? new NpgsqlParameter(name, value ?? DBNull.Value) : new SqliteParameter(name, value ?? DBNull.Value);
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        return parameter;
    }

    /// <summary>A list of ids as one parameter (null for none): a JSON array on SQLite (read with <c>json_each</c>), a text array on PostgreSQL.</summary>
    public static DbParameter List(Q7x2Db db, string name, IEnumerable<string>? values) =>
        db.IsPostgres()
            ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = values?.ToArray() ?? (object)DBNull.Value }
            : new SqliteParameter(name, values is null ? DBNull.Value : JsonSerializer.Serialize(values));
}

/// <summary>The result sets of a command of several statements (<see cref="RawSql.ReadSetsAsync"/>), read one after the other.</summary>
public sealed class ResultSets(DbDataReader reader, CancellationToken ct)
{
    private bool _started;

    /// <summary>The rows of the next statement's result set (the first one's on the first call).</summary>
    public async Task<List<T>> NextAsync<T>(Func<DbDataReader, T> map)
    {
        if (_started && !await reader.NextResultAsync(ct))
        {
            throw new InvalidOperationException("The command has no more result sets.");
        }

        _started = true;
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

/// <summary>One hand-written statement in each engine's dialect.</summary>
public sealed class EngineSql(string sqlite, string postgres)
{
    public string Sqlite { get; } = sqlite;

    public string Postgres { get; } = postgres;

    /// <summary>The statement written once against <see cref="SqlDialect"/>.</summary>
    public static EngineSql Of(Func<SqlDialect, string> write) => new(write(SqlDialect.Sqlite), write(SqlDialect.Postgres));

    public string For(Q7x2Db db) => db.IsPostgres() ? Postgres : Sqlite;

    /// <summary>The statement in <paramref name="dialect"/>'s words, to be sent with others written against it.</summary>
    public string For(SqlDialect dialect) => dialect.IsPostgres ? Postgres : Sqlite;
}

/// <summary>What differs between SQLite's SQL and PostgreSQL's in the hand-written reads.</summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(false);

    public static readonly SqlDialect Postgres = new(true);

    private readonly bool _postgres;

    private SqlDialect(bool postgres) => _postgres = postgres;

    public bool IsPostgres => _postgres;

    /// <summary>The dialect of the context's engine.</summary>
    public static SqlDialect Of(Q7x2Db db) => db.IsPostgres() ? Postgres : Sqlite;

    /// <summary>
    /// An inner join (with <c>ON</c>) that SQLite keeps in the written order (its <c>CROSS JOIN</c>); PostgreSQL's planner orders
    /// joins by its statistics and takes no <c>ON</c> after <c>CROSS JOIN</c>.
    /// </summary>
    public string OrderedJoin => _postgres ? "JOIN" : "CROSS JOIN";

    /// <summary>A list parameter (<see cref="RawSql.List"/>) as a table <paramref name="alias"/> of one column, <c>value</c>.</summary>
    public string Each(string parameter, string alias) =>
        _postgres ? $"unnest({parameter}) AS {alias}(value)" : $"json_each({parameter}) AS {alias}";

    /// <summary>The values of a list parameter, for <c>IN (…)</c>.</summary>
    public string Values(string parameter) =>
        _postgres ? $"SELECT unnest({parameter})" : $"SELECT value FROM json_each({parameter})";

    /// <summary>Strings joined with a separator, in <paramref name="order"/> (SQLite joins in the order it reads, which the caller's index gives).</summary>
    public string Join(string value, string separator, string order) =>
        _postgres ? $"string_agg({value}, {separator} ORDER BY {order})" : $"group_concat({value}, {separator})";
}
