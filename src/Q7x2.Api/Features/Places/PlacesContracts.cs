using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Places;

/// <summary>A place the sources name: a city, district, region, valley, airport or area.</summary>
public sealed record PlaceResponse : EntityResponse
{
    /// <summary>city, district, region, valley, airport or area.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? PlaceType { get; init; }

    /// <summary>The country the place is in, when the sources say; null for cross-border places.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? Country { get; init; }

    /// <summary>The place it is part of, when the sources say.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? PartOf { get; init; }

    internal static PlaceResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<PlaceResponse>(e) with { PlaceType = e.Subtype, Country = c.Ref(e.CountryId), PartOf = c.Ref(e.PartOfId) };
}

/// <summary>Query parameters of <c>GET /v1/places</c>.</summary>
public sealed record PlacesQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only places in this country (a country id, e.g. tajikistan).</summary>
    [Description("Only places in this country: a country id such as `tajikistan`.")]
    public string? Country { get; init; }

    /// <summary>Only places of this type: city, district, region, valley, airport or area.</summary>
    [Description("Only places of this type: `city`, `district`, `region`, `valley`, `airport` or `area`.")]
    public string? Type { get; init; }

    /// <summary>Only places directly part of this place (a place id, e.g. kyrgyz-tajik-border-area).</summary>
    [Description("Only places directly part of this place: a place id such as `kyrgyz-tajik-border-area`.")]
    public string? PartOf { get; init; }

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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: country, type, partOf.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `country`, `type`, `partOf`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("country", e => e.CountryId, references: true), Facets.Of<Entity>("type", e => e.Subtype), Facets.Of<Entity>("partOf", e => e.PartOfId, references: true)];
}

internal sealed class PlacesQueryValidator : PageQueryValidator<PlacesQuery>
{
    public PlacesQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(PlacesQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Type).OneOf(Q7x2.Data.Seeding.SeedRules.PlaceTypes);
        RuleFor(q => q.PartOf).Id();
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
