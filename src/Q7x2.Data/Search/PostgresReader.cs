using Npgsql;

namespace Q7x2.Data.Search;

/// <summary>
/// Reads with SQL that only PostgreSQL speaks (text search), row by row from EF's raw command (<see cref="RawSql"/>), as
/// <see cref="SqliteReader"/> does on SQLite: through EF's connection and current transaction, its logging and interceptors,
/// without its raw-SQL query pipeline. EF reads the SQL as a composite format string, so it holds no braces (write arrays as
/// ARRAY[...]).
/// </summary>
public static class PostgresReader
{
    public static Task<List<T>> ReadAsync<T>(
        Q7x2Db db, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct) =>
        RawSql.ReadAsync(db, sql, parameters, r => map((NpgsqlDataReader)r), ct);
}
