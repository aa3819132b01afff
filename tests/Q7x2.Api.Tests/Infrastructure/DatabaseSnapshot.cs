using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>Every row of every table of a database, as text: equal snapshots mean an untouched database.</summary>
internal static class DatabaseSnapshot
{
    /// <summary>The factory's database, on the engine the run uses.</summary>
    public static async Task<string> TakeAsync(Q7x2ApiFactory factory)
    {
        if (!Q7x2ApiFactory.OnPostgres)
        {
            return await TakeAsync(factory.DatabasePath);
        }

        await using var db = factory.CreateDb();
        await using var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return await TakeAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
    }

    public static async Task<string> TakeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await TakeAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private static async Task<string> TakeAsync(DbConnection connection, string listTables)
    {
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            await using var reader = await select.ExecuteReaderAsync();
            dump.Append("## ").AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
