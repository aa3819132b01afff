using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

/// <summary>
/// The seeded tables as the seeder writes and compares them: each column's value as SQLite stores it (text, integer or
/// null), so that a record's hash is the same whether it is taken from the seed before writing or from the stored rows.
/// </summary>
internal static class SeedRows
{
    public static readonly SeedTable Sources = new("Sources", "Id",
        ["Id", "Title", "Publisher", "Language", .. DateColumns("Published"), "Text", "Sha256", "CharCount", "License", "RightsHolder", "Url",
         "TextRedistributable"]);
    public static readonly SeedTable Predicates = new("Predicates", "Id", ["Id", "Label", "InverseLabel", "Description"]);
    public static readonly SeedTable Entities = new("Entities", "Id",
        ["Id", "Kind", "Name", "Description", "Subtype", "Role", "IsoCode", "Status", "CountryId", "PartOfId", "PlaceId", "EventId",
         .. DateColumns("Date"), "Areas"]);
    public static readonly SeedTable Facts = new("Facts", "Id",
        ["Id", "SubjectId", "PredicateId", "ObjectId", "Value", .. DateColumns("Date"), "Modality", "AttributionId", "Note"]);
    public static readonly SeedTable Observations = new("Observations", "Id",
        ["Id", "Metric", "Value", "Unit", "Comparator", .. DateColumns("Period"), "Modality", "AttributionId", "Note"]);

    public static readonly SeedTable Qualifiers = new("ClaimQualifiers", "Id",
        ["Id", "Label", "Description", "LowerFactor", "LowerInclusive", "UpperFactor", "UpperInclusive"]);
    public static readonly SeedTable Claims = new("Claims", "Id",
        ["Id", "SourceId", "Rule", "Unit", "StatedValue", "QualifierId", "Missing", "Note", "Start", "End", "Exact", "Prefix", "Suffix"]);

    // Child rows: the owner column first, then the columns that are compared (not the evidence's database-made id).
    public static readonly SeedTable Aliases = new("EntityAliases", "EntityId", ["EntityId", "Name", "Type", "Position"]);
    public static readonly SeedTable Links = new("EntityLinks", "EntityId", ["EntityId", "Role", "TargetId", "Position"]);
    public static readonly SeedTable Subjects = new("ObservationSubjects", "ObservationId", ["ObservationId", "EntityId", "Position"]);
    public static readonly SeedTable CoverageNotes = new("CoverageNotes", "SourceId", ["SourceId", "Position", "Kind", "Reason", "Note", "Start", "End", "Exact"]);
    public static readonly SeedTable ClaimOperands = new("ClaimOperands", "ClaimId", ["ClaimId", "Position", "Role", "RecordId"]);
    public static readonly SeedTable ClaimSubjects = new("ClaimSubjects", "ClaimId", ["ClaimId", "EntityId", "Position"]);
    public static readonly SeedTable EntityEvidence = Evidence("EntityId");
    public static readonly SeedTable FactEvidence = Evidence("FactId");
    public static readonly SeedTable ObservationEvidence = Evidence("ObservationId");

    private static SeedTable Evidence(string owner) =>
        new("Evidence", owner, [owner, "SourceId", "Start", "End", "Exact", "Prefix", "Suffix", "Position"]);

    private static string[] DateColumns(string prefix) =>
        [$"{prefix}Text", $"{prefix}From", $"{prefix}To", $"{prefix}Precision", $"{prefix}Qualifier", $"{prefix}Basis", $"{prefix}Note"];

    public static void Fill(Source s, object?[] row)
    {
        (row[0], row[1], row[2], row[3]) = (s.Id, s.Title, s.Publisher, s.Language);
        Fill(s.Published, row, 4);
        (row[11], row[12], row[13]) = (s.Text, s.Sha256, (long)s.CharCount);
        (row[14], row[15], row[16], row[17]) = (s.License, s.RightsHolder, s.Url, s.TextRedistributable ? 1L : 0L);
    }

    public static void Fill(Predicate p, object?[] row) => (row[0], row[1], row[2], row[3]) = (p.Id, p.Label, p.InverseLabel, p.Description);

    public static void Fill(Entity e, string areas, object?[] row)
    {
        (row[0], row[1], row[2], row[3], row[4], row[5]) = (e.Id, e.Kind, e.Name, e.Description, e.Subtype, e.Role);
        (row[6], row[7], row[8], row[9], row[10], row[11]) = (e.IsoCode, e.Status, e.CountryId, e.PartOfId, e.PlaceId, e.EventId);
        Fill(e.Date, row, 12);
        row[19] = areas;
    }

    public static void Fill(Fact f, object?[] row)
    {
        (row[0], row[1], row[2], row[3], row[4]) = (f.Id, f.SubjectId, f.PredicateId, f.ObjectId, f.Value);
        Fill(f.Date, row, 5);
        (row[12], row[13], row[14]) = (f.Modality, f.AttributionId, f.Note);
    }

    public static void Fill(Observation o, object?[] row)
    {
        (row[0], row[1], row[2], row[3], row[4]) = (o.Id, o.Metric, Text(o.Value), o.Unit, o.Comparator);
        Fill(o.Period, row, 5);
        (row[12], row[13], row[14]) = (o.Modality, o.AttributionId, o.Note);
    }

    public static void Fill(ClaimQualifier q, object?[] row)
    {
        (row[0], row[1], row[2], row[3]) = (q.Id, q.Label, q.Description, Text(q.LowerFactor));
        (row[4], row[5], row[6]) = (q.LowerInclusive ? 1L : 0L, q.UpperFactor is { } upper ? Text(upper) : null, q.UpperInclusive ? 1L : 0L);
    }

    public static void Fill(Claim c, object?[] row)
    {
        (row[0], row[1], row[2], row[3], row[4], row[5]) = (c.Id, c.SourceId, c.Rule, c.Unit, Text(c.StatedValue), c.QualifierId);
        (row[6], row[7], row[8], row[9]) = (c.Missing, c.Note, (long)c.Start, (long)c.End);
        (row[10], row[11], row[12]) = (c.Exact, c.Prefix, c.Suffix);
    }

    public static void Fill(CoverageNote n, object?[] row)
    {
        (row[0], row[1], row[2], row[3]) = (n.SourceId, (long)n.Position, n.Kind, n.Reason);
        (row[4], row[5], row[6], row[7]) = (n.Note, (long)n.Start, (long)n.End, n.Exact);
    }

    public static void Fill(ClaimOperand o, object?[] row) => (row[0], row[1], row[2], row[3]) = (o.ClaimId, (long)o.Position, o.Role, o.RecordId);

    public static void Fill(ClaimSubject s, object?[] row) => (row[0], row[1], row[2]) = (s.ClaimId, s.EntityId, (long)s.Position);

    public static void Fill(EntityAlias a, object?[] row) => (row[0], row[1], row[2], row[3]) = (a.EntityId, a.Name, a.Type, (long)a.Position);

    public static void Fill(EntityLink l, object?[] row) => (row[0], row[1], row[2], row[3]) = (l.EntityId, l.Role, l.TargetId, (long)l.Position);

    public static void Fill(ObservationSubject s, object?[] row) => (row[0], row[1], row[2]) = (s.ObservationId, s.EntityId, (long)s.Position);

    public static void Fill(Evidence v, string owner, object?[] row)
    {
        (row[0], row[1], row[2], row[3], row[4]) = (owner, v.SourceId, (long)v.Start, (long)v.End, v.Exact);
        (row[5], row[6], row[7]) = (v.Prefix, v.Suffix, (long)v.Position);
    }

    private static void Fill(FuzzyDate? d, object?[] row, int at)
    {
        (row[at], row[at + 1], row[at + 2], row[at + 3]) = (d?.Text, d is null ? null : Text(d.From), d is null ? null : Text(d.To), d?.Precision);
        (row[at + 4], row[at + 5], row[at + 6]) = (d?.Qualifier, d?.Basis, d?.Note);
    }

    // As Microsoft.Data.Sqlite stores a DateOnly and a decimal (EF Core's SQLite mapping: TEXT).
    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(decimal d) => d.ToString("0.0###########################", CultureInfo.InvariantCulture);
}

/// <summary>A table, its key (for a child table: its owner column) and the columns the seeder writes, in order.</summary>
internal sealed record SeedTable(string Name, string Key, string[] Columns)
{
    /// <summary>Inserts a row; for a record's table, a row whose key is there is updated in place (its references stay valid).</summary>
    public string Insert { get; } =
        $"INSERT INTO \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})"
        + (Key == "Id"
            ? $" ON CONFLICT (\"{Key}\") DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"\"{c}\" = excluded.\"{c}\""))}"
            : "");

    /// <summary>Deletes the record with the key (for a child table: every row of the owner).</summary>
    public string Delete { get; } = $"DELETE FROM \"{Name}\" WHERE \"{Key}\" = $p0";
}

/// <summary>
/// A 128-bit hash of a record: its row and its child rows, value by value. Two records hash alike when every stored value is
/// alike. Not cryptographic (a cryptographic hash per record cost the seeder more than reading it): it tells an edit from
/// no edit, it does not resist a crafted collision — the seed files are trusted input.
/// </summary>
internal sealed class RecordHash
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>Adds one row's values, from <paramref name="from"/> on (a child row leaves out its owner).</summary>
    public void Add(object?[] row, int from = 0)
    {
        for (var i = from; i < row.Length; i++)
        {
            Add(row[i]);
        }
    }

    /// <summary>Ends one group of child rows, so that rows cannot move between groups unnoticed.</summary>
    public void EndGroup()
    {
        _buffer.GetSpan(1)[0] = 0xFF;
        _buffer.Advance(1);
    }

    public UInt128 Finish()
    {
        var hash = Hash128(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        return hash;
    }

    /// <summary>Two 64-bit multiply–rotate lanes over 8-byte words, then a full avalanche of each (murmur3's finaliser).</summary>
    private static UInt128 Hash128(ReadOnlySpan<byte> data)
    {
        const ulong P1 = 0x9E3779B185EBCA87UL, P2 = 0xC2B2AE3D27D4EB4FUL, P3 = 0x165667B19E3779F9UL;
        ulong a = P3 ^ (ulong)data.Length, b = P1 ^ ((ulong)data.Length << 1);
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            var w = BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
            a = BitOperations.RotateLeft(a ^ (w * P2), 31) * P1;
            b = BitOperations.RotateLeft(b + (w * P1), 27) * P2 + a;
        }

        Span<byte> tail = stackalloc byte[8];
        tail.Clear();
        data[(words.Length * 8)..].CopyTo(tail);
        var last = BinaryPrimitives.ReadUInt64LittleEndian(tail);
        a = BitOperations.RotateLeft(a ^ (last * P2), 31) * P1;
        b = BitOperations.RotateLeft(b + (last * P1), 27) * P2 + a;
        return new UInt128(Mix(a + b), Mix(b ^ P3));
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    private void Add(object? value)
    {
        switch (value)
        {
            case null or DBNull:
                AddNull();
                break;
            case long number:
                Add(number);
                break;
            case string text:
                Add(text.AsSpan());
                break;
            case double real:
                Add(real);
                break;
            case byte[] blob:
                AddBlob(blob);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a value SQLite stores");
        }
    }

    // One value each, as SQLite stores it: the same bytes whether it comes from a seed record or a stored row.
    public void AddNull() => Write(0, []);

    public void Add(long number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, number);
        Write(1, bytes);
    }

    public void Add(ReadOnlySpan<char> text) => Write(2, MemoryMarshal.AsBytes(text));

    public void Add(double real)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, real);
        Write(3, bytes);
    }

    public void AddBlob(ReadOnlySpan<byte> blob) => Write(4, blob);

    private void Write(byte tag, ReadOnlySpan<byte> bytes)
    {
        var span = _buffer.GetSpan(5 + bytes.Length);
        span[0] = tag;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], bytes.Length);
        bytes.CopyTo(span[5..]);
        _buffer.Advance(5 + bytes.Length);
    }
}
