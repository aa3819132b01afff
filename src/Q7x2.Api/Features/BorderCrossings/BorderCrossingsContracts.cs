using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.BorderCrossings;

/// <summary>A border crossing (post) the sources name.</summary>
public sealed record BorderCrossingResponse : EntityResponse
{
    /// <summary>open, reopened or closed.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? Status { get; init; }

    /// <summary>The countries whose border it crosses.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<EntityRef> Countries { get; init; } = [];

    /// <summary>The places on either side it connects, when the sources name them.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<EntityRef> Connects { get; init; } = [];

    /// <summary>When it opened (or reopened), when the sources say or imply it.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public FuzzyDateResponse? Opened { get; init; }

    internal static BorderCrossingResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<BorderCrossingResponse>(e) with
        {
            Status = e.Status, Countries = c.Links(e, LinkRole.Country), Connects = c.Links(e, LinkRole.Connects), Opened = FuzzyDateResponse.Of(e.Date),
        };
}

/// <summary>Query parameters of <c>GET /v1/border-crossings</c>.</summary>
public sealed record BorderCrossingsQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only crossings on the border of this country (a country id, e.g. kyrgyzstan).</summary>
    [Description("Only crossings on the border of this country: a country id such as `kyrgyzstan`.")]
    public string? Country { get; init; }

    /// <summary>Only crossings with this status: open, reopened or closed.</summary>
    [Description("Only crossings with this status: `open`, `reopened` or `closed`.")]
    public string? Status { get; init; }

    /// <summary>Only crossings that connect this place (a place id, e.g. lakhsh-district).</summary>
    [Description("Only crossings that connect this place: a place id such as `lakhsh-district`.")]
    public string? Connects { get; init; }

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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: status, country, connects.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `status`, `country`, `connects`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("status", e => e.Status), Facets.Linked("country", LinkRole.Country), Facets.Linked("connects", LinkRole.Connects)];
}

internal sealed class BorderCrossingsQueryValidator : PageQueryValidator<BorderCrossingsQuery>
{
    public BorderCrossingsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(BorderCrossingsQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Status).OneOf(Q7x2.Data.Seeding.SeedRules.CrossingStatuses);
        RuleFor(q => q.Connects).Id();
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
