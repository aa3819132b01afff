using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Q7x2.Data;

/// <summary>
/// Every version of every row of the record tables, with the change-feed positions it was valid between: the basis of
/// reads as of a position (<c>asOf=</c>). Each tracked table <c>T</c> has a table <c>T_History</c> with T's columns plus
/// <c>ValidFrom</c> (the position from which the version holds) and <c>ValidTo</c> (the position from which it no longer
/// does; <see cref="Open"/> while it is current), kept by three triggers on T, and with T's indexes (plus <c>ValidTo</c>), so
/// that a read as of a position is as indexable as a current one. A row written in a transaction gets that transaction's
/// position: the id its first revision takes (the next one), as every writer writes its rows before its revisions. So all the
/// rows of a seed run get the run's first position, and a read as of any position of the run sees the whole run (a transaction
/// is seen whole or not at all).
/// <para>
/// The schema is derived from the tables themselves (<see cref="Ensure"/>, run after the migrations on every start): a
/// migration that adds a column to a tracked table gets it in the history too (older versions hold the column's default). A
/// database whose rows predate the history starts it at the position it had then (<c>HistoryStart</c>): reads as of an
/// earlier position are refused.
/// </para>
/// </summary>
public static class History
{
    /// <summary>The <c>ValidTo</c> of a version that is still current.</summary>
    public const long Open = long.MaxValue;

    /// <summary>The suffix of a history table's name.</summary>
    public const string Suffix = "_History";

    /// <summary>
    /// The tables whose rows make up the records a read shows: the curated ones, their child rows and the tables the database
    /// derives from them by triggers (backlinks, event relations, fact counts). The change feed, the data version and the
    /// search index are not records (search and the feed are not read as of a position).
    /// </summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "Sources", "CoverageNotes", "Predicates", "Entities", "EntityAliases", "EntityLinks", "Facts", "Evidence",
        "Observations", "ObservationSubjects", "ClaimQualifiers", "Claims", "ClaimOperands", "ClaimSubjects",
        "EventRelations", "EntityFactCounts", "BacklinkCounts", "Backlinks",
    ];

    /// <summary>The position the changes of the transaction in progress get: the id of its first revision, not yet written.</summary>
    public const string PositionSql = "(SELECT coalesce(max(\"Id\"), 0) + 1 FROM \"Revisions\")";

    /// <summary>The latest change position (0 before any change).</summary>
    public const string LatestSql = "SELECT coalesce(max(\"Id\"), 0) FROM \"Revisions\"";

    /// <summary>The first position the history can answer for (read with <see cref="StartSql"/>).</summary>
    public const string StartSql = "SELECT coalesce(max(\"Position\"), 0) FROM \"HistoryStart\"";

    /// <summary>
    /// Creates what is missing of the history (tables, columns, indexes, triggers) and replaces triggers that no longer match
    /// their table's columns, in one transaction. Rows already stored get a first version valid from the current position.
    /// </summary>
    public static void Ensure(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS \"HistoryStart\" (\"Id\" INTEGER PRIMARY KEY, \"Position\" INTEGER NOT NULL)");
        var position = Convert.ToInt64(Scalar(connection, transaction, LatestSql), CultureInfo.InvariantCulture);
        var triggers = Triggers(connection, transaction).ToDictionary(t => t.Name, t => t.Sql, StringComparer.Ordinal);

        foreach (var table in Tables)
        {
            var shape = TableShape.Read(connection, transaction, table);
            var history = table + Suffix;
            var stored = TableShape.Read(connection, transaction, history);
            if (stored.Columns.Count == 0)
            {
                var columns = string.Join(", ", shape.Columns.Select(c => $"{Quote(c.Name)} {c.Type}".TrimEnd()));
                Execute(connection, transaction, $"CREATE TABLE {Quote(history)} ({columns}, \"ValidFrom\" INTEGER NOT NULL, \"ValidTo\" INTEGER NOT NULL)");
                Execute(connection, transaction,
                    $"INSERT INTO {Quote(history)} ({shape.List}, \"ValidFrom\", \"ValidTo\") SELECT {shape.List}, {position}, {Open} FROM {Quote(table)}");
            }
            else
            {
                foreach (var column in shape.Columns.Where(c => stored.Columns.All(s => s.Name != c.Name)))
                {
                    var fallback = column.Default is null ? "" : $" DEFAULT {column.Default}";
                    Execute(connection, transaction, $"ALTER TABLE {Quote(history)} ADD COLUMN {Quote(column.Name)} {column.Type}{fallback}");
                }
            }

            foreach (var index in shape.Indexes.Append(shape.Key).Distinct(StringComparer.Ordinal))
            {
                var columns = index.Split(',');
                Execute(connection, transaction,
                    $"CREATE INDEX IF NOT EXISTS {Quote($"IX_{history}_{string.Join('_', columns)}")} ON {Quote(history)} "
                    + $"({string.Join(", ", columns.Select(Quote))}, \"ValidTo\")");
            }

            foreach (var (name, sql) in TriggersOf(table, shape))
            {
                if (!triggers.TryGetValue(name, out var current) || current != sql)
                {
                    Execute(connection, transaction, $"DROP TRIGGER IF EXISTS {Quote(name)}");
                    Execute(connection, transaction, sql);
                }
            }
        }

        Execute(connection, transaction, $"INSERT INTO \"HistoryStart\" (\"Id\", \"Position\") SELECT 1, {position} WHERE NOT EXISTS (SELECT 1 FROM \"HistoryStart\")");
        transaction.Commit();
    }

    /// <summary>
    /// Drops the history's triggers before migrations run: a migration may drop or rename a column they name (SQLite refuses to
    /// while a trigger names it) or rebuild a table; <see cref="Ensure"/> makes them again from the migrated tables.
    /// </summary>
    public static void DropTriggers(SqliteConnection connection)
    {
        foreach (var (name, _) in Triggers(connection, null))
        {
            Execute(connection, null, $"DROP TRIGGER {Quote(name)}");
        }
    }

    /// <summary>The history's triggers, each with its DDL.</summary>
    private static List<(string Name, string Sql)> Triggers(SqliteConnection connection, SqliteTransaction? transaction) =>
        Pairs(connection, transaction, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'History\\_%' ESCAPE '\\'", null);

    /// <summary>The two text columns of each row of <paramref name="sql"/> (with <c>@t</c> bound to <paramref name="table"/>).</summary>
    private static List<(string, string)> Pairs(SqliteConnection connection, SqliteTransaction? transaction, string sql, string? table)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        if (table is not null)
        {
            command.Parameters.AddWithValue("@t", table);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>
    /// After a first load wrote <paramref name="tables"/> with their triggers off: a first version of each of their rows, valid
    /// from the run's position (the tables held no row before it, so none has a current version yet).
    /// </summary>
    public static void Fill(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> tables)
    {
        // A database migrated without the API's start-up has no history yet: the next start makes it from the rows.
        foreach (var table in tables.Where(t => Tables.Contains(t) && TableShape.Read(connection, transaction, t + Suffix).Columns.Count > 0))
        {
            // Like the first load's own indexes: written without them, each built afterwards in one sorted pass.
            var indexes = Pairs(connection, transaction, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = @t", table + Suffix);

            foreach (var (name, _) in indexes)
            {
                Execute(connection, transaction, $"DROP INDEX {Quote(name)}");
            }

            var shape = TableShape.Read(connection, transaction, table);
            Execute(connection, transaction,
                $"INSERT INTO {Quote(table + Suffix)} ({shape.List}, \"ValidFrom\", \"ValidTo\") SELECT {shape.List}, {PositionSql}, {Open} FROM {Quote(table)}");
            foreach (var (_, sql) in indexes)
            {
                Execute(connection, transaction, sql);
            }
        }
    }

    /// <summary>The last change committed at or before <c>@at</c> (one seek of the revisions' time index).</summary>
    public const string LastAtOrBeforeSql = "SELECT \"Id\" FROM \"Revisions\" WHERE \"At\" <= @at ORDER BY \"At\" DESC, \"Id\" DESC LIMIT 1";

    /// <summary>The latest change position and the first one the history holds (never below 1).</summary>
    public static (long Latest, long Start) Bounds(SqliteConnection connection, SqliteTransaction? transaction) =>
        (Convert.ToInt64(Scalar(connection, transaction, LatestSql), CultureInfo.InvariantCulture),
         Math.Max(Convert.ToInt64(Scalar(connection, transaction, StartSql), CultureInfo.InvariantCulture), 1));

    /// <summary>The last change committed at or before <paramref name="at"/> (UTC, as EF Core stores it), or null.</summary>
    public static long? LastAtOrBefore(SqliteConnection connection, SqliteTransaction? transaction, DateTime at)
    {
        using var command = new SqliteCommand(LastAtOrBeforeSql, connection, transaction);
        command.Parameters.AddWithValue("@at", at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>
    /// Makes <paramref name="connection"/> read every tracked table as it stood at <paramref name="position"/> until the result is
    /// disposed: a temporary view named like each table, over its history (unqualified names find the temp schema first; the
    /// view's extra columns, the validity positions, are never named by a query).
    /// </summary>
    public static IDisposable Shadow(SqliteConnection connection, SqliteTransaction? transaction, long position)
    {
        var shadow = new Shadowing(connection, transaction);
        try
        {
            foreach (var table in Tables)
            {
                Execute(connection, transaction, $"CREATE TEMP VIEW {Quote(table)} AS SELECT * FROM main.{Quote(table + Suffix)} "
                    + $"WHERE \"ValidFrom\" <= {position} AND \"ValidTo\" > {position}");
            }
        }
        catch
        {
            shadow.Dispose();
            throw;
        }

        return shadow;
    }

    /// <summary>Drops the views of <see cref="Shadow"/> (those that were made).</summary>
    private sealed class Shadowing(SqliteConnection connection, SqliteTransaction? transaction) : IDisposable
    {
        public void Dispose()
        {
            foreach (var table in Tables)
            {
                Execute(connection, transaction, $"DROP VIEW IF EXISTS temp.{Quote(table)}");
            }
        }
    }

    private static IEnumerable<(string Name, string Sql)> TriggersOf(string table, TableShape shape)
    {
        var history = Quote(table + Suffix);
        var key = shape.Key.Split(',');
        string Values(string row) => string.Join(", ", shape.Columns.Select(c => $"{row}.{Quote(c.Name)}"));
        string Current(string row) => string.Join(" AND ", key.Select(k => $"{Quote(k)} = {row}.{Quote(k)}")) + $" AND \"ValidTo\" = {Open}";

        // A version that begins and ends in the same transaction was never seen: it is removed, not closed.
        string Close(string row) =>
            $"DELETE FROM {history} WHERE {Current(row)} AND \"ValidFrom\" = {PositionSql};\n"
            + $"    UPDATE {history} SET \"ValidTo\" = {PositionSql} WHERE {Current(row)};";
        string Begin(string row) =>
            $"INSERT INTO {history} ({shape.List}, \"ValidFrom\", \"ValidTo\") VALUES ({Values(row)}, {PositionSql}, {Open});";

        yield return ($"History_{table}_Inserted", $"CREATE TRIGGER {Quote($"History_{table}_Inserted")} AFTER INSERT ON {Quote(table)} BEGIN\n    {Begin("NEW")}\nEND");
        yield return ($"History_{table}_Updated", $"CREATE TRIGGER {Quote($"History_{table}_Updated")} AFTER UPDATE ON {Quote(table)} BEGIN\n    {Close("OLD")}\n    {Begin("NEW")}\nEND");
        yield return ($"History_{table}_Deleted", $"CREATE TRIGGER {Quote($"History_{table}_Deleted")} AFTER DELETE ON {Quote(table)} BEGIN\n    {Close("OLD")}\nEND");
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }

    /// <summary>A table's columns (name, declared type, default; generated ones too, stored as plain values), its primary key and its indexes, each as comma-joined column names.</summary>
    private sealed record TableShape(List<(string Name, string Type, string? Default)> Columns, string Key, List<string> Indexes)
    {
        public string List => string.Join(", ", Columns.Select(c => Quote(c.Name)));

        public static TableShape Read(SqliteConnection connection, SqliteTransaction? transaction, string table)
        {
            var columns = new List<(string, string, string?)>();
            var key = new SortedDictionary<long, string>();
            using (var command = new SqliteCommand("SELECT name, type, dflt_value, pk FROM pragma_table_xinfo(@t) WHERE hidden <> 1 ORDER BY cid", connection, transaction))
            {
                command.Parameters.AddWithValue("@t", table);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                    if (reader.GetInt64(3) > 0)
                    {
                        key[reader.GetInt64(3)] = reader.GetString(0);
                    }
                }
            }

            var indexes = new List<string>();
            using (var command = new SqliteCommand("""
                SELECT (SELECT group_concat(x.name, ',') FROM (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno) AS x)
                FROM pragma_index_list(@t) AS l WHERE l.origin <> 'pk' ORDER BY l.name
                """, connection, transaction))
            {
                command.Parameters.AddWithValue("@t", table);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    if (!reader.IsDBNull(0))
                    {
                        indexes.Add(reader.GetString(0));
                    }
                }
            }

            return new TableShape(columns, string.Join(',', key.Values), indexes);
        }
    }
}
