using System.Text;
using Microsoft.Data.Sqlite;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>Every row of every table of a SQLite file, as text: equal snapshots mean an untouched database.</summary>
internal static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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
