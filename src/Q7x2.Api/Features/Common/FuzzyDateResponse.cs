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
}
