using System.ComponentModel;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Facts;

/// <summary>Query parameters of <c>GET /v1/facts</c>.</summary>
public sealed record FactsQuery : ICsvListQuery, IFacetedQuery<Fact>
{
    internal static readonly SortOptions<Fact> Sorts = new("id",
        SortField<Fact>.Text("id", f => f.Id, f => f.Id),
        SortField<Fact>.Date("date", f => f.DateKey, f => f.Id));

    /// <summary>Only facts about this entity (their subject), e.g. rustam-emomali.</summary>
    [Description("Only facts whose subject is this entity id, e.g. `rustam-emomali`.")]
    public string? Subject { get; init; }

    /// <summary>Only facts whose object is this entity, e.g. emomali-rahmon.</summary>
    [Description("Only facts whose object is this entity id, e.g. `emomali-rahmon`.")]
    public string? Object { get; init; }

    /// <summary>Only facts in which this entity is subject or object.</summary>
    [Description("Only facts in which this entity id is subject or object, e.g. `emomali-rahmon`.")]
    public string? Entity { get; init; }

    /// <summary>Only facts with this predicate, e.g. president-of.</summary>
    [Description("Only facts with this predicate id (see `/v1/predicates`), e.g. `president-of`.")]
    public string? Predicate { get; init; }

    /// <summary>Only facts of this modality: stated, reported, proposed, discussed, hoped or assessed.</summary>
    [Description("Only facts of this modality: `stated`, `reported`, `proposed`, `discussed`, `hoped` or `assessed`.")]
    public string? Modality { get; init; }

    /// <summary>Only facts with evidence in this source.</summary>
    [Description("Only facts with evidence in this source id, e.g. `kyrgyz-president-visits-tajikistan`.")]
    public string? Source { get; init; }

    /// <summary>Only dated facts whose date interval ends on or after this day (yyyy-MM-dd).</summary>
    [Description("Only dated facts whose date interval overlaps [from, to]: ends on or after this day (`yyyy-MM-dd`). Undated facts never match a range.")]
    public string? From { get; init; }

    /// <summary>Only dated facts whose date interval starts on or before this day (yyyy-MM-dd).</summary>
    [Description("Only dated facts whose date interval overlaps [from, to]: starts on or before this day (`yyyy-MM-dd`).")]
    public string? To { get; init; }

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);

    /// <summary>Sort field: id (default) or date (undated facts after dated ones); prefix '-' for descending.</summary>
    [Description("Sort field: `id` (default) or `date` (start of the fact's date; undated facts sort after dated ones); prefix `-` for descending.")]
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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: subject, predicate, object, modality, attribution.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `subject`, `predicate`, `object`, `modality`, `attribution`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Fact>> IFacetedQuery<Fact>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Fact>> FacetsOf = [Facets.Of<Fact>("subject", f => f.SubjectId, references: true), Facets.Of<Fact>("predicate", f => f.PredicateId), Facets.Of<Fact>("object", f => f.ObjectId, references: true), Facets.Of<Fact>("modality", f => f.Modality), Facets.Of<Fact>("attribution", f => f.AttributionId, references: true)];
}

internal sealed class FactsQueryValidator : PageQueryValidator<FactsQuery>
{
    public FactsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(FactsQuery.FacetsOf);
        RuleFor(q => q.Subject).Id();
        RuleFor(q => q.Object).Id();
        RuleFor(q => q.Entity).Id();
        RuleFor(q => q.Predicate).Id();
        RuleFor(q => q.Modality).OneOf(Modality.All);
        RuleFor(q => q.Source).Id();
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        Sorts(FactsQuery.Sorts, q => q.Sort);
    }
}
