using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// The rows the database keeps by triggers against what they are derived from: <c>EventRelations</c> and <c>Backlinks</c> against
/// their views, and <c>EntityFactCounts</c> and <c>BacklinkCounts</c> against theirs, which count (a count may keep a row of zero).
/// </summary>
internal static class DerivedRows
{
    /// <summary>On a SQLite file (a generated corpus).</summary>
    public static void AssertKept(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        AssertKept(connection);
    }

    /// <summary>On the factory's database, whichever engine it is on.</summary>
    public static void AssertKept(Q7x2ApiFactory factory)
    {
        using var connection = factory.OpenConnection();
        AssertKept(connection);
    }

    /// <summary>On the connection (SQLite or PostgreSQL), inside its open transaction if it has one.</summary>
    public static void AssertKept(DbConnection connection)
    {
        // SQLite's quote() and PostgreSQL's quote_nullable() both write NULL as NULL and a text in single quotes.
        var quote = connection is NpgsqlConnection ? "quote_nullable" : "quote";
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

        // Each row with what a detail shows of its record: the name (an entity's) and the whole date.
        var shown = $"""
            concat_ws(' ', "RecordKind", "DateKey", {quote}("Name"), {quote}("DateText"), {quote}("DateFrom"), {quote}("DateTo"), {quote}("DatePrecision"),
                {quote}("DateQualifier"), {quote}("DateBasis"), {quote}("DateNote"))
            """;
        var linked = Read(connection, $"""
            SELECT DISTINCT "TargetId", "Relation", "RecordId", {shown} FROM "BacklinkRows" ORDER BY 1, 2, 3
            """);
        var backlinks = Read(connection, $"""
            SELECT "TargetId", "Relation", "RecordId", {shown} FROM "Backlinks" ORDER BY 1, 2, 3
            """);
        Assert.NotEmpty(linked);
        Assert.Equal(linked, backlinks);

        var sized = Read(connection, """SELECT "TargetId", "Relation", "RecordKind", "Records" FROM "BacklinkCountRows" ORDER BY 1, 2, 3""");
        var sizes = Read(connection, """SELECT "TargetId", "Relation", "RecordKind", "Records" FROM "BacklinkCounts" WHERE "Records" <> 0 ORDER BY 1, 2, 3""");
        Assert.NotEmpty(sized);
        Assert.Equal(sized, sizes);
    }

    private static List<string> Read(DbConnection connection, string sql)
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
