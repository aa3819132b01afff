using System.ComponentModel;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Sources;

/// <summary>Query parameters of <c>GET /v1/sources</c>.</summary>
public sealed record SourcesQuery : ICsvListQuery, IFacetedQuery<Source>
{
    internal static readonly SortOptions<Source> Sorts = new("id",
        SortField<Source>.Text("id", s => s.Id, s => s.Id),
        SortField<Source>.Text("title", s => s.Title, s => s.Id));

    /// <summary>Sort field: id (default) or title; prefix '-' for descending.</summary>
    [Description("Sort field: `id` (default) or `title`; prefix `-` for descending.")]
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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: language, publisher.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `language`, `publisher`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Source>> IFacetedQuery<Source>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Source>> FacetsOf = [Facets.Of<Source>("language", s => s.Language), Facets.Of<Source>("publisher", s => s.Publisher)];
}

internal sealed class SourcesQueryValidator : PageQueryValidator<SourcesQuery>
{
    public SourcesQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(SourcesQuery.FacetsOf);
        Sorts(SourcesQuery.Sorts, q => q.Sort);
    }
}
