using Microsoft.Data.Sqlite;

namespace Q7x2.Data.Search;

/// <summary>
/// Reads with SQL that only SQLite speaks (FTS5), read row by row from EF's raw command (<see cref="RawSql"/>): a search is
/// answered per request, and EF's raw-SQL query pipeline (parameter extraction, query cache, shaper) cost as much as the FTS5
/// query itself. The command still goes through EF's connection, logging and interceptors (so cancellation interrupts it,
/// and tests count it).
/// </summary>
public static class SqliteReader
{
    public static Task<List<T>> ReadAsync<T>(
        Q7x2Db db, string sql, SqliteParameter[] parameters, Func<SqliteDataReader, T> map, CancellationToken ct) =>
        RawSql.ReadAsync(db, sql, parameters, r => map((SqliteDataReader)r), ct);
}
