using System.ComponentModel;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.TradeFigures;

/// <summary>Query parameters of <c>GET /v1/trade-figures</c>.</summary>
public sealed record TradeFiguresQuery : ICsvListQuery, IFacetedQuery<Observation>
{
    internal static readonly SortOptions<Observation> Sorts = new("id",
        SortField<Observation>.Text("id", o => o.Id, o => o.Id),
        SortField<Observation>.Date("period", o => o.PeriodKey, o => o.Id));

    /// <summary>Only figures with this country among their parties, e.g. kyrgyzstan.</summary>
    [Description("Only figures with this country id among their parties, e.g. `kyrgyzstan`.")]
    public string? Country { get; init; }

    /// <summary>Only figures of this metric, e.g. bilateral-trade-value.</summary>
    [Description("Only figures of this metric: e.g. `bilateral-trade-value`, `annual-bilateral-trade-value`, `trade-growth-multiple`.")]
    public string? Metric { get; init; }

    /// <summary>Only figures whose period ends on or after this day (yyyy-MM-dd).</summary>
    [Description("Only figures whose period overlaps [from, to]: ends on or after this day (`yyyy-MM-dd`). Figures without a period never match a range.")]
    public string? From { get; init; }

    /// <summary>Only figures whose period starts on or before this day (yyyy-MM-dd).</summary>
    [Description("Only figures whose period overlaps [from, to]: starts on or before this day (`yyyy-MM-dd`).")]
    public string? To { get; init; }

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);

    /// <summary>Sort field: id (default) or period; prefix '-' for descending.</summary>
    [Description("Sort field: `id` (default) or `period` (its start; figures without a period sort after the others); prefix `-` for descending.")]
    public string? Sort { get; init; }

    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }

    /// <inheritdoc cref="ICsvListQuery.Format"/>
    [Description(ICsvListQuery.FormatDescription)]
    public string? Format { get; init; }

    ICsvListQuery ICsvListQuery.Page(string? cursor) => this with { Cursor = cursor, Limit = IPageQuery.MaxLimit, Count = null };

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: metric, country.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `metric`, `country`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Observation>> IFacetedQuery<Observation>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Observation>> FacetsOf = [Facets.Of<Observation>("metric", o => o.Metric), Facets.ObservationSubjects("country")];
}

internal sealed class TradeFiguresQueryValidator : PageQueryValidator<TradeFiguresQuery>
{
    public TradeFiguresQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(TradeFiguresQuery.FacetsOf);
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Metric).Id();
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        Sorts(TradeFiguresQuery.Sorts, q => q.Sort);
    }
}
