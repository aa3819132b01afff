using System.ComponentModel;
using Q7x2.Data.Entities;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Infrastructure;
using SeedRules = Q7x2.Data.Seeding.SeedRules;

namespace Q7x2.Api.Features.Events;

/// <summary>Query parameters of <c>GET /v1/events</c>.</summary>
public sealed record EventsQuery : IEntityListQuery, IFacetedQuery<Entity>
{
    /// <summary>Only events of this type, e.g. state-visit.</summary>
    [Description("Only events of this type, e.g. `state-visit`, `summit`, `armed-conflict`.")]
    public string? Type { get; init; }

    /// <summary>Only events this entity took part in (a person, country or organisation id), e.g. sadyr-japarov.</summary>
    [Description("Only events this entity took part in: a person, country or organisation id such as `sadyr-japarov`.")]
    public string? Participant { get; init; }

    /// <summary>Only events at this place or at a place directly part of it, e.g. kyrgyz-tajik-border-area.</summary>
    [Description("Only events at this place, or at a place directly part of it: a place id such as `kyrgyz-tajik-border-area`.")]
    public string? Place { get; init; }

    /// <summary>Only events in this country (at it or at one of its places) or with it as a participant, e.g. kyrgyzstan.</summary>
    [Description("Only events in this country (at the country or at one of its places) or with the country as a participant, e.g. `kyrgyzstan`.")]
    public string? Country { get; init; }

    /// <summary>Start of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only events whose date interval ends on or after this day. Undated events never match.</summary>
    [Description("Only events whose date interval ends on or after this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. Undated events never match.")]
    public string? From { get; init; }

    /// <summary>End of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only events whose date interval starts on or before this day. Undated events never match.</summary>
    [Description("Only events whose date interval starts on or before this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. Undated events never match.")]
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

    /// <summary>Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: type, place, participant.</summary>
    [Description("Counts per value for the current filters (all pages), comma-separated, returned as `facets` next to the items: `type`, `place`, `participant`.")]
    public string? Facet { get; init; }

    IReadOnlyList<Facet<Entity>> IFacetedQuery<Entity>.Facets => FacetsOf;

    internal static readonly IReadOnlyList<Facet<Entity>> FacetsOf = [Facets.Of<Entity>("type", e => e.Subtype), Facets.Of<Entity>("place", e => e.PlaceId, references: true), Facets.Linked("participant", LinkRole.Participant)];
}

internal sealed class EventsQueryValidator : PageQueryValidator<EventsQuery>
{
    public EventsQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.Facet).OneOfFacets(EventsQuery.FacetsOf);
        RuleFor(q => q.Embed).ListEmbed();
        RuleFor(q => q.Type).OneOf(SeedRules.EventTypes);
        RuleFor(q => q.Participant).Id();
        RuleFor(q => q.Place).Id();
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        Sorts(EntityQueries.ByDate, q => q.Sort);
    }
}
