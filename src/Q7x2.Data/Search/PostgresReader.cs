using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Q7x2.Data.Search;

/// <summary>
/// Reads with SQL that only PostgreSQL speaks (text search), row by row from EF's raw command, as <see cref="SqliteReader"/> does on
/// SQLite: through EF's connection and current transaction, its logging and interceptors, without its raw-SQL query pipeline.
/// EF reads the SQL as a composite format string, so it holds no braces (write arrays as ARRAY[...]).
/// </summary>
public static class PostgresReader
{
    public static async Task<List<T>> ReadAsync<T>(
        Q7x2Db db, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        var arguments = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>());
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(arguments, ct);
        var npgsql = (NpgsqlDataReader)reader.DbDataReader;
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(npgsql));
        }

        return rows;
    }
}
