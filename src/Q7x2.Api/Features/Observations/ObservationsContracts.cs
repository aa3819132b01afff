using System.ComponentModel;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Observations;

/// <summary>A quantity a source states: metric, subjects, value, unit, comparator and period, with evidence.</summary>
/// <param name="Id">The observation's id.</param>
/// <param name="Metric">What is measured, e.g. bilateral-trade-value or population.</param>
/// <param name="Subjects">What the quantity is about, in the order the curators gave.</param>
/// <param name="Value">The number (a JSON number, exact decimal).</param>
/// <param name="Unit">USD, person, percent, ratio, year, month, day, count or gun.</param>
/// <param name="Comparator">eq, gt, gte, lt, lte or approx: "more than 10 million" is gt 10000000.</param>
/// <param name="Period">When the quantity holds, if the source says.</param>
/// <param name="Modality">stated, reported, proposed, discussed, hoped or assessed.</param>
/// <param name="Attribution">Who the source attributes it to, if anyone.</param>
/// <param name="Note">A curator's note.</param>
/// <param name="Evidence">The quotes that support it.</param>
public sealed record ObservationResponse(
    string Id, string Metric, IReadOnlyList<EntityRef> Subjects, decimal Value, string Unit, string Comparator,
    FuzzyDateResponse? Period, string Modality, EntityRef? Attribution, string? Note, IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>Query parameters of <c>GET /v1/observations</c>.</summary>
public sealed record ObservationsQuery : ICsvListQuery, IFacetedQuery<Observation>
{
    internal static readonly SortOptions<Observation> Sorts = new("id",
        SortField<Observation>.Text("id", o => o.Id, o => o.Id),
        SortField<Observation>.Text("metric", o => o.Metric, o => o.Id));

    /// <summary>Only observations of this metric, e.g. population.</summary>
    [Description("Only observations of this metric, e.g. `population` or `bilateral-trade-value`.")]
    public string? Metric { get; init; }

    /// <summary>Only observations about this entity (one of their subjects).</summary>
    [Description("Only observations with this entity id among their subjects, e.g. `tajikistan`.")]
    public string? Subject { get; init; }

    /// <summary>Only observations in this unit.</summary>
    [Description("Only observations in this unit: `USD`, `person`, `percent`, `ratio`, `year`, `month`, `day`, `count` or `gun`.")]
    public string? Unit { get; init; }

    /// <summary>Only observations whose period ends on or after this day (yyyy-MM-dd).</summary>
    [Description("Only observations whose period overlaps [from, to]: ends on or after this day (`yyyy-MM-dd`). Observations without a period never match a range.")]
    public string? From { get; init; }

    /// <summary>Only observations whose period starts on or before this day (yyyy-MM-dd).</summary>
    [Description("Only observations whose period overlaps [from, to]: starts on or before this day (`yyyy-MM-dd`).")]
    public string? To { get; init; }

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);

    /// <summary>Sort field: id (default) or metric; prefix '-' for descending.</summary>
    [Description("Sort field: `id` (default) or `metric`; prefix `-` for descending. Ties are broken by id.")]
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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: metric, unit, modality, subject.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `metric`, `unit`, `modality`, `subject`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Observation>> IFacetedQuery<Observation>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Observation>> FacetsOf = [Facets.Of<Observation>("metric", o => o.Metric), Facets.Of<Observation>("unit", o => o.Unit), Facets.Of<Observation>("modality", o => o.Modality), Facets.ObservationSubjects("subject")];
}

internal sealed class ObservationsQueryValidator : PageQueryValidator<ObservationsQuery>
{
    public ObservationsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(ObservationsQuery.FacetsOf);
        RuleFor(q => q.Metric).Id();
        RuleFor(q => q.Subject).Id();
        RuleFor(q => q.Unit).OneOf(Quantity.Units);
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        Sorts(ObservationsQuery.Sorts, q => q.Sort);
    }
}
