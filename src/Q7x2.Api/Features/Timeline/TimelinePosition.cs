using System.Globalization;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Features.Timeline;

/// <summary>
/// The timeline's sort key (first day of the date interval, item type, id), carried in a <see cref="PageCursor"/>:
/// its value holds the day and the type ("2025-07-08/event"), its id the id.
/// </summary>
internal sealed record TimelinePosition(DateOnly From, string Type, string Id)
{
    private const string Sort = "timeline";

    public PageCursor ToCursor() => new(Sort, $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{Type}", Id);

    public static TimelinePosition? Of(PageCursor? cursor) =>
        cursor is { Sort: Sort, Value: { } value } && cursor.HasItemId()
            && value.Split('/') is [var day, var type and (TimelineItemType.Event or TimelineItemType.Fact)]
            && QueryRules.ParseDate(day) is { } from
            ? new TimelinePosition(from, type, cursor.Id)
            : null;
}
