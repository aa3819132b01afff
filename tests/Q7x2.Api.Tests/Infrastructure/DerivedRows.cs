using Microsoft.Data.Sqlite;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The rows the database keeps by triggers against what they are derived from: <c>EventRelations</c> against its view, and
/// <c>EntityFactCounts</c> against its view, which counts the facts (an entity without facts may keep a row of zero).
/// </summary>
internal static class DerivedRows
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

        var counted = Read(connection, """SELECT "EntityId", "Facts", '', '' FROM "EntityFactCountRows" ORDER BY 1""");
        var kept = Read(connection, """SELECT "EntityId", "Facts", '', '' FROM "EntityFactCounts" WHERE "Facts" <> 0 ORDER BY 1""");
        Assert.NotEmpty(counted);
        Assert.Equal(counted, kept);
    }

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(2)} {reader.GetValue(3)}");
        }

        return rows;
    }
}
