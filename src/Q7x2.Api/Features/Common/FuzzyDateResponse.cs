using System.Globalization;
using System.Data.Common;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Common;

/// <summary>When something happened: the source's words and the interval they mean.</summary>
/// <param name="Text">The words of the source, e.g. "late April 2021".</param>
/// <param name="From">First day of the interval (ISO 8601 date).</param>
/// <param name="To">Last day of the interval, inclusive.</param>
/// <param name="Precision">day, month, year or decade.</param>
/// <param name="Qualifier">early, mid, late, nearly, before or after, when the source qualifies the date.</param>
/// <param name="Basis">stated, or inferred when part of the date (usually the year) comes from context.</param>
/// <param name="Note">Why an inferred date was inferred.</param>
public sealed record FuzzyDateResponse(
    string Text, DateOnly From, DateOnly To, string Precision, string? Qualifier, string Basis, string? Note)
{
    public static FuzzyDateResponse? Of(FuzzyDate? d) =>
        d is null ? null : new(d.Text, d.From, d.To, d.Precision, d.Qualifier, d.Basis, d.Note);

    /// <summary>
    /// A fuzzy date read from SQL, its seven columns from <paramref name="first"/> in this record's order (text, from, to, precision,
    /// qualifier, basis, note, as stored: <c>DateText</c>…), or null when the text is null (no date).
    /// </summary>
    public static FuzzyDateResponse? Read(DbDataReader r, int first) => Of(RecordRows.Date(r, first));

    /// <summary>
    /// A date: PostgreSQL's <c>date</c>, or on SQLite text as EF stores <see cref="DateOnly"/> (<c>yyyy-MM-dd</c>), read from its
    /// digits: Microsoft.Data.Sqlite's <c>GetFieldValue&lt;DateOnly&gt;</c> runs the culture-aware date parser: a fifth of the time
    /// a hub detail spent mapping its backlink rows, in a profile.
    /// </summary>
    public static DateOnly IsoDate(DbDataReader r, int ordinal)
    {
        if (r.GetFieldType(ordinal) == typeof(DateOnly))
        {
            return r.GetFieldValue<DateOnly>(ordinal);
        }

        var s = r.GetString(ordinal);
        return s.Length == 10 && s[4] == '-' && s[7] == '-'
            && int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? new DateOnly(year, month, day)
            : DateOnly.Parse(s, CultureInfo.InvariantCulture);
    }
}
