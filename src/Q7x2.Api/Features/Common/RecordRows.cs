using System.Data.Common;
using System.Text.Json;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Common;

/// <summary>
/// Entities, facts and evidence as hand-written reads select them (<see cref="RawSql"/>), each read back by column position.
/// On the hot detail EF's query pipeline cost more than the statements it ran: the compiled query of one entity took about
/// 34 µs of CPU in a profile of the uncached API, the same statement read straight from its reader 13 µs in a bench; and
/// statements sent together in one command are one round trip. Each list of columns and its reader are kept side by side, in the same order.
/// </summary>
internal static class RecordRows
{
    /// <summary>An entity's columns (<c>e</c>) in <see cref="Entity(DbDataReader)"/>'s order.</summary>
    public const string EntityColumns = """
        e."Id", e."Kind", e."Name", e."Description", e."Subtype", e."Role", e."IsoCode", e."Status", e."CountryId", e."PartOfId",
        e."PlaceId", e."EventId", e."Areas", e."Origin", e."DateText", e."DateFrom", e."DateTo", e."DatePrecision", e."DateQualifier",
        e."DateBasis", e."DateNote"
        """;

    /// <summary>A fact's columns (<c>f</c>) in <see cref="Fact(DbDataReader)"/>'s order.</summary>
    public const string FactColumns = """
        f."Id", f."SubjectId", f."PredicateId", f."ObjectId", f."Value", f."Modality", f."AttributionId", f."Note", f."Origin",
        f."DateText", f."DateFrom", f."DateTo", f."DatePrecision", f."DateQualifier", f."DateBasis", f."DateNote"
        """;

    /// <summary>Evidence's columns (<c>v</c>) in <see cref="Evidence(DbDataReader)"/>'s order.</summary>
    public const string EvidenceColumns = """
        v."Id", v."SourceId", v."Start", v."End", v."Exact", v."Prefix", v."Suffix", v."Position", v."EntityId", v."FactId", v."ObservationId"
        """;

    public static Entity Entity(DbDataReader r) => new()
    {
        Id = r.GetString(0), Kind = r.GetString(1), Name = r.GetString(2), Description = r.GetString(3), Subtype = Text(r, 4),
        Role = Text(r, 5), IsoCode = Text(r, 6), Status = Text(r, 7), CountryId = Text(r, 8), PartOfId = Text(r, 9),
        PlaceId = Text(r, 10), EventId = Text(r, 11), Areas = Texts(r, 12), Origin = r.GetString(13), Date = Date(r, 14),
    };

    public static Fact Fact(DbDataReader r) => new()
    {
        Id = r.GetString(0), SubjectId = r.GetString(1), PredicateId = r.GetString(2), ObjectId = Text(r, 3), Value = Text(r, 4),
        Modality = r.GetString(5), AttributionId = Text(r, 6), Note = Text(r, 7), Origin = r.GetString(8), Date = Date(r, 9),
    };

    public static Evidence Evidence(DbDataReader r) => new()
    {
        Id = r.GetInt32(0), SourceId = r.GetString(1), Start = r.GetInt32(2), End = r.GetInt32(3), Exact = r.GetString(4),
        Prefix = r.GetString(5), Suffix = r.GetString(6), Position = r.GetInt32(7), EntityId = Text(r, 8), FactId = Text(r, 9),
        ObservationId = Text(r, 10),
    };

    /// <summary>A fuzzy date's seven columns from <paramref name="first"/> (text, from, to, precision, qualifier, basis, note), or null when it has no text.</summary>
    public static FuzzyDate? Date(DbDataReader r, int first) => r.IsDBNull(first) ? null : new()
    {
        Text = r.GetString(first), From = FuzzyDateResponse.IsoDate(r, first + 1), To = FuzzyDateResponse.IsoDate(r, first + 2),
        Precision = r.GetString(first + 3), Qualifier = Text(r, first + 4), Basis = r.GetString(first + 5), Note = Text(r, first + 6),
    };

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    /// <summary>A primitive collection: a JSON array on SQLite (as EF stores it), an array on PostgreSQL.</summary>
    private static List<string> Texts(DbDataReader r, int ordinal)
    {
        if (r.IsDBNull(ordinal))
        {
            return [];
        }

        if (r.GetFieldType(ordinal) != typeof(string))
        {
            return [.. r.GetFieldValue<string[]>(ordinal)];
        }

        var json = r.GetString(ordinal);
        if (json == "[]")
        {
            return [];
        }

        using var array = JsonDocument.Parse(json);
        return [.. array.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }
}
