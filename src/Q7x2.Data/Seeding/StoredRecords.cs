using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Q7x2.Data.Entities;
using SQLitePCL;

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
    public required Dictionary<string, UInt128> Qualifiers { get; init; }
    public required Dictionary<string, UInt128> Claims { get; init; }

    // The order of child rows in a record's hash; the seeder hashes the records it writes in the same order.
    public const string AliasOrder = "\"Position\"";
    public const string LinkOrder = "\"Role\", \"Position\"";
    public const string SubjectOrder = "\"Position\"";
    public const string EvidenceOrder = "\"Position\"";

    /// <summary>Reads the hashes in the transaction open on <paramref name="connection"/> (the seed run's).</summary>
    public static StoredRecords Read(SqliteConnection connection) => new()
    {
        Sources = Hashes(connection, SeedRows.Sources, hasOrigin: true, (SeedRows.CoverageNotes, "\"Position\"")),
        Predicates = Hashes(connection, SeedRows.Predicates, hasOrigin: false),
        Entities = Hashes(connection, SeedRows.Entities, hasOrigin: true,
            (SeedRows.Aliases, AliasOrder), (SeedRows.Links, LinkOrder), (SeedRows.EntityEvidence, EvidenceOrder)),
        Facts = Hashes(connection, SeedRows.Facts, hasOrigin: true, (SeedRows.FactEvidence, EvidenceOrder)),
        Observations = Hashes(connection, SeedRows.Observations, hasOrigin: true,
            (SeedRows.Subjects, SubjectOrder), (SeedRows.ObservationEvidence, EvidenceOrder)),
        Qualifiers = Hashes(connection, SeedRows.Qualifiers, hasOrigin: false),
        Claims = Hashes(connection, SeedRows.Claims, hasOrigin: false, (SeedRows.ClaimOperands, "\"Position\""), (SeedRows.ClaimSubjects, "\"Position\"")),
    };

    private static Dictionary<string, UInt128> Hashes(
        SqliteConnection connection, SeedTable table, bool hasOrigin, params (SeedTable Table, string Order)[] children)
    {
        var hashes = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var origin = hasOrigin ? "\"Origin\"" : $"'{RecordOrigin.Seed}'";
        using var parent = new Cursor(connection,
            $"SELECT {origin}, {Columns(table)} FROM \"{table.Name}\" ORDER BY \"{table.Key}\"", table.Columns.Length, skip: 1);
        var cursors = children.Select(c => new Cursor(connection,
            $"SELECT {Columns(c.Table)} FROM \"{c.Table.Name}\" WHERE \"{c.Table.Key}\" IS NOT NULL ORDER BY \"{c.Table.Key}\", {c.Order}",
            c.Table.Columns.Length, skip: 0)).ToList();
        try
        {
            var hash = new RecordHash();
            for (; parent.HasRow; parent.Next())
            {
                var id = parent.Text(1);
                parent.AddTo(hash, from: 0);
                foreach (var child in cursors)
                {
                    while (child.HasRow && child.CompareText(0, id) < 0)
                    {
                        child.Next();
                    }

                    for (; child.HasRow && child.CompareText(0, id) == 0; child.Next())
                    {
                        child.AddTo(hash, from: 1);
                    }

                    hash.EndGroup();
                }

                var value = hash.Finish();
                if (parent.CompareText(0, RecordOrigin.Seed) == 0)
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

    /// <summary>
    /// An open read through SQLite's C API, its current row's values (from column <c>skip</c> on) hashed where SQLite holds
    /// them: a reader's boxed value per column (and a handle check per call) cost more than SQLite's own work here. Runs in the
    /// connection's transaction, as every statement on that connection does.
    /// </summary>
    private sealed class Cursor : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly IntPtr _handle;
        private readonly int _columns;
        private readonly int _skip;
        private readonly bool _held;
        private byte[] _buffer = new byte[1024];

        public Cursor(SqliteConnection connection, string sql, int columns, int skip)
        {
            _db = connection.Handle!;
            SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
            _statement.DangerousAddRef(ref _held);
            _handle = _statement.DangerousGetHandle();
            (_columns, _skip) = (columns, skip);
            Next();
        }

        public bool HasRow { get; private set; }

        public void Next()
        {
            var rc = Native.sqlite3_step(_handle);
            HasRow = rc == raw.SQLITE_ROW;
            if (!HasRow && rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        /// <summary>A text column of the current row as a string.</summary>
        public string Text(int column) => new(Chars(column));

        /// <summary>Compares a text column of the current row with <paramref name="text"/>, ordinally.</summary>
        public int CompareText(int column, string text) => Chars(column).SequenceCompareTo(text);

        /// <summary>Adds the current row's values, from <paramref name="from"/> on (after <c>skip</c>), to the hash.</summary>
        public void AddTo(RecordHash hash, int from)
        {
            for (var i = from; i < _columns; i++)
            {
                var column = i + _skip;
                switch (Native.sqlite3_column_type(_handle, column))
                {
                    case raw.SQLITE_INTEGER:
                        hash.Add(Native.sqlite3_column_int64(_handle, column));
                        break;
                    case raw.SQLITE_FLOAT:
                        hash.Add(Native.sqlite3_column_double(_handle, column));
                        break;
                    case raw.SQLITE_TEXT:
                        hash.Add(Chars(column));
                        break;
                    case raw.SQLITE_BLOB:
                        hash.AddBlob(Copy(Native.sqlite3_column_blob(_handle, column), Native.sqlite3_column_bytes(_handle, column)));
                        break;
                    default:
                        hash.AddNull();
                        break;
                }
            }
        }

        // UTF-16 as .NET strings hold it; SQLite converts (text16 before bytes16, as its documentation asks).
        private ReadOnlySpan<char> Chars(int column)
        {
            var text = Native.sqlite3_column_text16(_handle, column);
            return MemoryMarshal.Cast<byte, char>(Copy(text, Native.sqlite3_column_bytes16(_handle, column)));
        }

        private ReadOnlySpan<byte> Copy(IntPtr from, int bytes)
        {
            if (bytes == 0)
            {
                return [];
            }

            if (_buffer.Length < bytes)
            {
                _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
            }

            Marshal.Copy(from, _buffer, 0, bytes);
            return _buffer.AsSpan(0, bytes);
        }

        public void Dispose()
        {
            if (_held)
            {
                _statement.DangerousRelease();
            }

            _statement.Dispose();
        }
    }

    /// <summary>The few calls of SQLite's C API a cursor makes per value, on the raw statement pointer.</summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_column_type(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern double sqlite3_column_double(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr sqlite3_column_text16(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_column_bytes16(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }
}
