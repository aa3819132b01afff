using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Facts;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Timeline;

/// <summary>
/// Pages the merged stream of dated events and dated facts by keyset, without OFFSET: each table is read after the cursor
/// in timeline order and cut at limit + 1, so the first limit + 1 of their merge are among those rows.
/// </summary>
internal static class TimelineReader
{
    private sealed record Entry(DateOnly From, string Type, string Id, EventRow? Event, Fact? Fact);

    /// <summary>What the timeline shows of an event: projected in SQL rather than the whole entity loaded.</summary>
    private sealed record EventRow(string Id, string Kind, string Name, FuzzyDate Date);

    public static async Task<Page<TimelineItem>> PageAsync(Q7x2Db db, TimelineQuery query, HttpContext http, CancellationToken ct)
    {
        var (events, facts) = (Events(db, query), Facts(db, query));
        int? total = query.Count == true ? await events.CountAsync(ct) + await facts.CountAsync(ct) : null;
        var after = TimelinePosition.Of(query.After());
        var eventRows = await EventsAfter(events, after).OrderBy(e => e.Key).ThenBy(e => e.Id).Take(query.Take() + 1)
            .Select(e => new EventRow(e.Event.Id, e.Event.Kind, e.Event.Name, e.Event.Date!)).ToListAsync(ct);
        var factRows = await FactsAfter(facts, after).OrderBy(f => f.DateKey).ThenBy(f => f.Id).Take(query.Take() + 1).ToListAsync(ct);
        var entries = eventRows.Select(e => new Entry(e.Date.From, TimelineItemType.Event, e.Id, e, null))
            .Concat(factRows.Select(f => new Entry(f.Date!.From, TimelineItemType.Fact, f.Id, null, f)))
            .OrderBy(x => x.From).ThenBy(x => x.Type, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(query.Take() + 1)
            .ToList();
        var page = entries.ToPage(query, x => new TimelinePosition(x.From, x.Type, x.Id).ToCursor(), http, total);
        var pageFacts = await RecordLoader.FactsAsync(db, [.. page.Items.Select(x => x.Fact).OfType<Fact>()], ct);
        var factsById = pageFacts.ToDictionary(f => f.Id);
        return page.Map(x => x.Event is { } e ? TimelineItem.Of(e.Id, e.Kind, e.Name, e.Date) : TimelineItem.Of(factsById[x.Id]));
    }

    /// <summary>
    /// The dated events in the range; a person's or a country's are read from that entity's event relations, in the index's
    /// date order (a walk of every event in date order, testing each, read most of them for a country with few events).
    /// </summary>
    private static IQueryable<KeyedEvent> Events(Q7x2Db db, TimelineQuery query)
    {
        var events = db.OfKind(EntityKind.Event).Dated(e => e.Date, e => e.DateKey).Overlapping(query.FromDate, query.ToDate);
        events = query is { Person: not null, Country: { } both } ? events.InvolvingCountry(db, both) : events;
        return (query.Person, query.Country) switch
        {
            ({ } person, _) => events.RelatedTo(db, EventRelationKind.Participant, person, query.ToDate, dated: true),
            (null, { } country) => events.RelatedTo(db, EventRelationKind.Country, country, query.ToDate, dated: true),
            _ => events.Select(KeyedEvent.OfEvent),
        };
    }

    private static IQueryable<Fact> Facts(Q7x2Db db, TimelineQuery query)
    {
        var facts = db.Facts.AsNoTracking().Dated(f => f.Date, f => f.DateKey).Overlapping(f => f.Date, f => f.DateKey, query.FromDate, query.ToDate);
        return (query.Person, query.Country) switch
        {
            ({ } person, { } country) => facts.AboutEntity(person).Where(f => f.SubjectId == country || f.ObjectId == country),
            ({ } person, null) => facts.AboutEntity(person),
            (null, { } country) => facts.AboutEntity(country),
            _ => facts,
        };
    }

    // "event" sorts before "fact": after an event, the facts of the same day are still to come; after a fact, the events of that day
    // are done. One predicate per table for both kinds of cursor, so EF compiles it once.
    private static IQueryable<KeyedEvent> EventsAfter(IQueryable<KeyedEvent> events, TimelinePosition? after)
    {
        if (after is null)
        {
            return events;
        }

        var (from, afterEvent, id) = (after.From, after.Type == TimelineItemType.Event, after.Id);
        return events.Where(e => e.Key > from || (e.Key == from && afterEvent && string.Compare(e.Id, id) > 0));
    }

    private static IQueryable<Fact> FactsAfter(IQueryable<Fact> facts, TimelinePosition? after)
    {
        if (after is null)
        {
            return facts;
        }

        var (from, afterEvent, id) = (after.From, after.Type == TimelineItemType.Event, after.Id);
        return facts.Where(f => f.DateKey > from || (f.DateKey == from && (afterEvent || string.Compare(f.Id, id) > 0)));
    }
}
