using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Organizations;

/// <summary>An organisation the sources name: a ministry, legislature, military or ceremonial unit, media outlet…</summary>
public sealed record OrganizationResponse : EntityResponse
{
    /// <summary>media, government-body, legislature, ministry, military-unit, ceremonial-unit or business.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? OrgType { get; init; }

    /// <summary>The country the organisation belongs to, when the sources say.</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? Country { get; init; }

    internal static OrganizationResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<OrganizationResponse>(e) with { OrgType = e.Subtype, Country = c.Ref(e.CountryId) };
}

/// <summary>Query parameters of <c>GET /v1/organizations</c>.</summary>
public sealed record OrganizationsQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only organisations of this country (a country id, e.g. kyrgyzstan).</summary>
    [Description("Only organisations of this country: a country id such as `kyrgyzstan`.")]
    public string? Country { get; init; }

    /// <summary>Only organisations of this type: media, government-body, legislature, ministry, military-unit, ceremonial-unit or business.</summary>
    [Description("Only organisations of this type: `media`, `government-body`, `legislature`, `ministry`, `military-unit`, `ceremonial-unit` or `business`.")]
    public string? Type { get; init; }

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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: country, type.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `country`, `type`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("country", e => e.CountryId, references: true), Facets.Of<Entity>("type", e => e.Subtype)];
}

internal sealed class OrganizationsQueryValidator : PageQueryValidator<OrganizationsQuery>
{
    public OrganizationsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(OrganizationsQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Type).OneOf(Q7x2.Data.Seeding.SeedRules.OrgTypes);
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
