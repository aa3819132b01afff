using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using FluentValidation;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Countries;

/// <summary>A country the sources name.</summary>
public sealed record CountryResponse : EntityResponse
{
    /// <summary>
    /// ISO 3166-1 alpha-2 code, e.g. "KG": reference data from the ISO 3166 standard, not from the sources (no quote states it,
    /// and the country's evidence supports its name, not its code).
    /// </summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? IsoCode { get; init; }

    /// <summary>
    /// Where <c>isoCode</c> comes from: <c>reference</c> (reference data, the ISO 3166 standard), never a source, unlike the
    /// record's other members; null when there is no code.
    /// </summary>
    [Required]
    [JsonPropertyOrder(1)]
    public string? IsoCodeBasis { get; init; }

    /// <summary>The <c>isoCodeBasis</c> of every code: it is reference data.</summary>
    public const string Reference = "reference";

    internal static CountryResponse Map(Entity e, EntityContext c) =>
        EntityContext.Base<CountryResponse>(e) with { IsoCode = e.IsoCode, IsoCodeBasis = e.IsoCode is null ? null : Reference };
}

/// <summary>Query parameters of <c>GET /v1/countries</c>.</summary>
public sealed record CountriesQuery : IEntityListQuery
{
    /// <summary>Only the country with this ISO 3166-1 alpha-2 code (two uppercase letters), e.g. TJ.</summary>
    [Description("Only the country with this ISO 3166-1 alpha-2 code, two uppercase letters such as `TJ`.")]
    public string? IsoCode { get; init; }

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
}

internal sealed class CountriesQueryValidator : PageQueryValidator<CountriesQuery>
{
    public CountriesQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.IsoCode).Matches("^[A-Z]{2}$")
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code (two uppercase letters such as 'KG').");
        Sorts(EntityQueries.ByName, q => q.Sort);
    }
}
