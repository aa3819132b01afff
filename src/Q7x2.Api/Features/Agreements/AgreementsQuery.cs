using System.ComponentModel;
using Q7x2.Data.Entities;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using SeedRules = Q7x2.Data.Seeding.SeedRules;

namespace Q7x2.Api.Features.Agreements;

/// <summary>Query parameters of <c>GET /v1/agreements</c>.</summary>
public sealed record AgreementsQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only agreements this entity is party to (a country or organisation id), e.g. uzbekistan.</summary>
    [Description("Only agreements this entity is party to: a country or organisation id such as `uzbekistan`.")]
    public string? Party { get; init; }

    /// <summary>Only agreements signed during this event (an event id), e.g. japarov-state-visit-to-tajikistan-2025.</summary>
    [Description("Only agreements signed during this event: an event id such as `japarov-state-visit-to-tajikistan-2025`.")]
    public string? Event { get; init; }

    /// <summary>Only agreements of this type, e.g. border-delimitation.</summary>
    [Description("Only agreements of this type: `border-delimitation`, `border`, `cooperation` or `package`.")]
    public string? Type { get; init; }

    /// <summary>Start of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only agreements whose date interval ends on or after this day. Undated agreements never match.</summary>
    [Description("Only agreements whose date interval ends on or after this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. Undated agreements never match.")]
    public string? From { get; init; }

    /// <summary>End of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only agreements whose date interval starts on or before this day. Undated agreements never match.</summary>
    [Description("Only agreements whose date interval starts on or before this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. Undated agreements never match.")]
    public string? To { get; init; }

    /// <summary>Sort field: date (default, by the first day of the interval, undated last), name or id; prefix '-' for descending.</summary>
    [Description("Sort field: `date` (default, by the start of the interval, undated last), `name` or `id`; prefix `-` for descending.")]
    public string? Sort { get; init; }

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);

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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: type, party, event.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `type`, `party`, `event`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("type", e => e.Subtype), Facets.Linked("party", LinkRole.Party), Facets.Of<Entity>("event", e => e.EventId, references: true)];
}

internal sealed class AgreementsQueryValidator : PageQueryValidator<AgreementsQuery>
{
    public AgreementsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(AgreementsQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Party).Id();
        RuleFor(q => q.Event).Id();
        RuleFor(q => q.Type).OneOf(SeedRules.AgreementTypes);
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        Sorts(EntityQueries.ByDate, q => q.Sort);
    }
}
