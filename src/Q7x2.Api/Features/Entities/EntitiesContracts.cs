using System.ComponentModel;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

/// <summary>Query parameters of <c>GET /v1/entities</c>.</summary>
public sealed record EntitiesQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only entities of this kind: person, country, place, organization, event, agreement or border-crossing.</summary>
    [Description("Only entities of this kind: `person`, `country`, `place`, `organization`, `event`, `agreement` or `border-crossing`.")]
    public string? Kind { get; init; }

    /// <summary>Sort field: name (default) or id; prefix - for descending.</summary>
    [Description("Sort field: `name` (default) or `id`; prefix `-` for descending.")]
    public string? Sort { get; init; }

    /// <inheritdoc cref="IEntityListQuery.Embed"/>
    [Description(IEntityListQuery.EmbedDescription)]
    public string? Embed { get; init; }

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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: kind.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `kind`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("kind", e => e.Kind)];
}

internal sealed class EntitiesQueryValidator : PageQueryValidator<EntitiesQuery>
{
    public EntitiesQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(EntitiesQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Kind).OneOf(EntityKind.All);
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
