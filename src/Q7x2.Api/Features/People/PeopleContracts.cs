using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FluentValidation;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.People;

/// <summary>A person the sources name.</summary>
public sealed record PersonResponse : EntityResponse
{
    /// <summary>The country the person belongs to (as the sources say).</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public EntityRef? Country { get; init; }

    /// <summary>The person's role in the sources' words, e.g. "President".</summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? Role { get; init; }

    internal static PersonResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<PersonResponse>(e) with { Country = c.Ref(e.CountryId), Role = e.Role };
}

/// <summary>Query parameters of <c>GET /v1/people</c>.</summary>
public sealed record PeopleQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only people of this country (a country id, e.g. kyrgyzstan).</summary>
    [Description("Only people of this country: a country id such as `kyrgyzstan`.")]
    public string? Country { get; init; }

    /// <summary>Only people whose role contains this text (case-insensitive), e.g. president.</summary>
    [Description("Only people whose role contains this text, case-insensitive, e.g. `president`.")]
    public string? Role { get; init; }

    /// <summary>Sort field: name (default) or id; prefix '-' for descending.</summary>
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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: country, role.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `country`, `role`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("country", e => e.CountryId, references: true), Facets.Of<Entity>("role", e => e.Role)];
}

internal sealed class PeopleQueryValidator : PageQueryValidator<PeopleQuery>
{
    public PeopleQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(PeopleQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Role).MaximumLength(100);
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
