using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Q7x2.Data.Search;

/// <summary>
/// Reads with SQL that only SQLite speaks (FTS5), read row by row from EF's raw command: a search is answered per request, and
/// EF's raw-SQL query pipeline (parameter extraction, query cache, shaper) cost as much as the FTS5 query itself. The command
/// still goes through EF's connection, logging and interceptors (so cancellation interrupts it, and tests count it).
/// </summary>
public static class SqliteReader
{
    public static async Task<List<T>> ReadAsync<T>(
        Q7x2Db db, string sql, SqliteParameter[] parameters, Func<SqliteDataReader, T> map, CancellationToken ct)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        var arguments = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(arguments, ct);
        var sqlite = (SqliteDataReader)reader.DbDataReader;
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(sqlite));
        }

        return rows;
    }
}
