using Microsoft.Data.Sqlite;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

/// <summary>
/// The seed-owned records the database holds, each as the hash of its stored rows (<see cref="RecordHash"/>): what a seed
/// run compares its records with. One ordered read per table, the child rows merged in by owner, nothing materialised.
/// </summary>
internal sealed class StoredRecords
{
    public required Dictionary<string, UInt128> Sources { get; init; }
    public required Dictionary<string, UInt128> Predicates { get; init; }
    public required Dictionary<string, UInt128> Entities { get; init; }
    public required Dictionary<string, UInt128> Facts { get; init; }
    public required Dictionary<string, UInt128> Observations { get; init; }

    // The order of child rows in a record's hash; the seeder hashes the records it writes in the same order.
    public const string AliasOrder = "\"Position\"";
    public const string LinkOrder = "\"Role\", \"Position\"";
    public const string SubjectOrder = "\"Position\"";
    public const string EvidenceOrder = "\"Position\"";

    public static StoredRecords Read(SqliteConnection connection, SqliteTransaction transaction) => new()
    {
        Sources = Hashes(connection, transaction, SeedRows.Sources, hasOrigin: true),
        Predicates = Hashes(connection, transaction, SeedRows.Predicates, hasOrigin: false),
        Entities = Hashes(connection, transaction, SeedRows.Entities, hasOrigin: true,
            (SeedRows.Aliases, AliasOrder), (SeedRows.Links, LinkOrder), (SeedRows.EntityEvidence, EvidenceOrder)),
        Facts = Hashes(connection, transaction, SeedRows.Facts, hasOrigin: true, (SeedRows.FactEvidence, EvidenceOrder)),
        Observations = Hashes(connection, transaction, SeedRows.Observations, hasOrigin: true,
            (SeedRows.Subjects, SubjectOrder), (SeedRows.ObservationEvidence, EvidenceOrder)),
    };

    private static Dictionary<string, UInt128> Hashes(
        SqliteConnection connection, SqliteTransaction transaction, SeedTable table, bool hasOrigin, params (SeedTable Table, string Order)[] children)
    {
        var hashes = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var origin = hasOrigin ? "\"Origin\"" : $"'{RecordOrigin.Seed}'";
        using var parent = new Cursor(connection, transaction,
            $"SELECT {origin}, {Columns(table)} FROM \"{table.Name}\" ORDER BY \"{table.Key}\"", table.Columns.Length, skip: 1);
        var cursors = children.Select(c => new Cursor(connection, transaction,
            $"SELECT {Columns(c.Table)} FROM \"{c.Table.Name}\" WHERE \"{c.Table.Key}\" IS NOT NULL ORDER BY \"{c.Table.Key}\", {c.Order}",
            c.Table.Columns.Length, skip: 0)).ToList();
        try
        {
            var hash = new RecordHash();
            for (; parent.HasRow; parent.Next())
            {
                var id = (string)parent.Row[0]!;
                hash.Add(parent.Row);
                foreach (var child in cursors)
                {
                    while (child.HasRow && string.CompareOrdinal((string)child.Row[0]!, id) < 0)
                    {
                        child.Next();
                    }

                    for (; child.HasRow && (string)child.Row[0]! == id; child.Next())
                    {
                        hash.Add(child.Row, 1);
                    }

                    hash.EndGroup();
                }

                var value = hash.Finish();
                if ((string)parent.Reader.GetValue(0) == RecordOrigin.Seed)
                {
                    hashes[id] = value;
                }
            }
        }
        finally
        {
            cursors.ForEach(c => c.Dispose());
        }

        return hashes;
    }

    private static string Columns(SeedTable table) => string.Join(", ", table.Columns.Select(c => $"\"{c}\""));

    /// <summary>An open read and its current row's values (from column <c>skip</c> on).</summary>
    private sealed class Cursor : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly int _skip;

        public Cursor(SqliteConnection connection, SqliteTransaction transaction, string sql, int columns, int skip)
        {
            _command = new SqliteCommand(sql, connection, transaction);
            Reader = _command.ExecuteReader();
            Row = new object?[columns];
            _skip = skip;
            Next();
        }

        public SqliteDataReader Reader { get; }

        public object?[] Row { get; }

        public bool HasRow { get; private set; }

        public bool Next()
        {
            HasRow = Reader.Read();
            for (var i = 0; HasRow && i < Row.Length; i++)
            {
                Row[i] = Reader.IsDBNull(i + _skip) ? null : Reader.GetValue(i + _skip);
            }

            return HasRow;
        }

        public void Dispose()
        {
            Reader.Dispose();
            _command.Dispose();
        }
    }
}
