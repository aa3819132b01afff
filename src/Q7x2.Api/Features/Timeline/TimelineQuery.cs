using System.ComponentModel;
using FluentValidation;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Features.Timeline;

/// <summary>Query parameters of <c>GET /v1/timeline</c>.</summary>
public sealed record TimelineQuery : ICsvListQuery
{
    /// <summary>Start of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only items whose date interval ends on or after this day.</summary>
    [Description("Only items whose date interval ends on or after this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap.")]
    public string? From { get; init; }

    /// <summary>End of a date range (yyyy-MM-dd) that fuzzy dates match by overlap: only items whose date interval starts on or before this day.</summary>
    [Description("Only items whose date interval starts on or before this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap.")]
    public string? To { get; init; }

    /// <summary>Only events in or involving this country and facts about it (a country id), e.g. tajikistan.</summary>
    [Description("Only events at the country, at one of its places or with it as a participant, and facts with the country as subject or object; a country id such as `tajikistan`.")]
    public string? Country { get; init; }

    /// <summary>Only events this person took part in and facts about them (a person id), e.g. sadyr-japarov.</summary>
    [Description("Only events the person took part in and facts with the person as subject or object; a person id such as `sadyr-japarov`.")]
    public string? Person { get; init; }

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);

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

internal sealed class TimelineQueryValidator : PageQueryValidator<TimelineQuery>
{
    public TimelineQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
        RuleFor(q => q.Country).Id();
        RuleFor(q => q.Person).Id();
        RuleFor(q => q.Cursor).Must(c => c is null || PageCursor.Decode(c) is not { } cursor || TimelinePosition.Of(cursor) is not null)
            .WithMessage("'cursor' was not issued by the timeline; start again without it.");
    }
}
