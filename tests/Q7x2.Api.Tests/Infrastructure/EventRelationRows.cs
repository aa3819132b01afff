using Microsoft.Data.Sqlite;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>What the database keeps in <c>EventRelations</c> against what its view says each event's rows are.</summary>
internal static class EventRelationRows
{
    public static void AssertKept(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        AssertKept(connection);
    }

    /// <summary>On the connection, inside its open transaction if it has one.</summary>
    public static void AssertKept(SqliteConnection connection)
    {
        var defined = Read(connection, """
            SELECT DISTINCT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelationRows" ORDER BY 1, 2, 3
            """);
        var stored = Read(connection, """SELECT "Relation", "EntityId", "EventId", "DateKey" FROM "EventRelations" ORDER BY 1, 2, 3""");

        Assert.NotEmpty(defined);
        Assert.Equal(defined, stored);
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        }

        return rows;
    }
}
