using System.ComponentModel;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Claims;

/// <summary>
/// A quantitative or temporal claim a source makes, checked against the records it rests on: the figure it states, the range
/// its qualifier allows, the figure computed from the records as they stand now, and the outcome.
/// </summary>
/// <param name="Id">The claim's id.</param>
/// <param name="Source">The source that makes the claim.</param>
/// <param name="Rule">
/// How the figure is recomputed: `ratio` (numerator / denominator), `difference` (time from one record's date to another's),
/// `duration` (days a record's date spans, inclusive), `count` (how many records) or `bound` (a record's value against the stated bound).
/// </param>
/// <param name="Stated">The figure the source states, with its qualifier.</param>
/// <param name="Tolerance">The range of figures the qualifier allows for the stated figure.</param>
/// <param name="Computed">
/// The figure computed from the records, as a range (`min` = `max` when exact; dates known only to the month give a range).
/// Null when the claim is unverifiable.
/// </param>
/// <param name="Status">
/// `consistent` (the computed range meets the allowed one), `inconsistent` (it does not: the source's own numbers do not support
/// the claim) or `unverifiable` (nothing independent to compute from; `explanation` says what is missing).
/// </param>
/// <param name="Explanation">How the status was reached, in words: the computation and the range, or what is missing.</param>
/// <param name="Subjects">The entities the claim is about.</param>
/// <param name="Records">The records the claim rests on, each in its role, with the value or date used.</param>
/// <param name="Note">A curator's note.</param>
/// <param name="Evidence">The quote that makes the claim.</param>
public sealed record ClaimResponse(
    string Id, string Source, string Rule, StatedFigureResponse Stated, ToleranceResponse Tolerance, ComputedFigureResponse? Computed,
    string Status, string Explanation, IReadOnlyList<EntityRef> Subjects, IReadOnlyList<ClaimRecordResponse> Records, string? Note,
    IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>A figure as the source states it.</summary>
/// <param name="Value">The number (a JSON number, exact decimal).</param>
/// <param name="Unit">times (a ratio), day, month, year, calendar-year (a difference of year numbers), count, or an observation unit (USD, person, percent…).</param>
/// <param name="Qualifier">The qualifier's id: exactly, nearly, more-than, some or times (see `tolerance`).</param>
public sealed record StatedFigureResponse(decimal Value, string Unit, string Qualifier);

/// <summary>The figures a qualifier allows for a stated figure n: from n × its lower factor to n × its upper factor.</summary>
/// <param name="Qualifier">The qualifier's id.</param>
/// <param name="Label">How the source words it ("nearly", "more than").</param>
/// <param name="Description">What it allows, in words.</param>
/// <param name="Min">The lowest figure allowed.</param>
/// <param name="MinInclusive">Whether `min` itself is allowed.</param>
/// <param name="Max">The highest figure allowed; null when there is no upper bound.</param>
/// <param name="MaxInclusive">Whether `max` itself is allowed.</param>
public sealed record ToleranceResponse(
    string Qualifier, string Label, string Description, decimal Min, bool MinInclusive, decimal? Max, bool MaxInclusive);

/// <summary>A figure computed from records, as the range of values it can take (rounded to two decimals).</summary>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value (equal to `min` when the figure is exact).</param>
/// <param name="Unit">The unit, the stated figure's.</param>
public sealed record ComputedFigureResponse(decimal Min, decimal Max, string Unit);

/// <summary>A record a claim rests on.</summary>
/// <param name="Role">
/// Its role in the rule: numerator, denominator, from, to, of, counted, value; `stated` for a record that holds the claim's own
/// figure (shown, never computed from).
/// </param>
/// <param name="Id">The record's id.</param>
/// <param name="Kind">An entity kind, `fact` or `observation`; null when the record no longer exists.</param>
/// <param name="Name">An entity's name or an observation's metric; null for a fact or a record that no longer exists.</param>
/// <param name="Value">An observation's value.</param>
/// <param name="Unit">An observation's unit.</param>
/// <param name="Comparator">An observation's comparator (eq, gt, approx…).</param>
/// <param name="Date">The record's date (an observation's period), if it has one.</param>
public sealed record ClaimRecordResponse(
    string Role, string Id, string? Kind, string? Name, decimal? Value, string? Unit, string? Comparator, FuzzyDateResponse? Date);

/// <summary>Query parameters of <c>GET /v1/claims</c>.</summary>
public sealed record ClaimsQuery : IPageQuery
{
    internal static readonly SortOptions<Claim> Sorts = new("id", SortField<Claim>.Text("id", c => c.Id, c => c.Id));

    internal static readonly IReadOnlyList<string> Statuses = [ClaimStatus.Consistent, ClaimStatus.Inconsistent, ClaimStatus.Unverifiable];

    /// <summary>Only claims with this computed status.</summary>
    [Description("Only claims with this computed status: `consistent`, `inconsistent` or `unverifiable`.")]
    public string? Status { get; init; }

    /// <summary>Only claims made by this source.</summary>
    [Description("Only claims made by this source, e.g. `kyrgyz-president-visits-tajikistan`.")]
    public string? Source { get; init; }

    /// <summary>Only claims about this entity.</summary>
    [Description("Only claims with this entity id among their subjects, e.g. `tajikistan`.")]
    public string? Subject { get; init; }

    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }
}

internal sealed class ClaimsQueryValidator : PageQueryValidator<ClaimsQuery>
{
    public ClaimsQueryValidator()
    {
        RuleFor(q => q.Status).OneOf(ClaimsQuery.Statuses);
        RuleFor(q => q.Source).Id();
        RuleFor(q => q.Subject).Id();
        Sorts(ClaimsQuery.Sorts, _ => null);
    }
}

/// <summary>The outcomes of checking a claim.</summary>
public static class ClaimStatus
{
    public const string Consistent = "consistent";
    public const string Inconsistent = "inconsistent";
    public const string Unverifiable = "unverifiable";
}
