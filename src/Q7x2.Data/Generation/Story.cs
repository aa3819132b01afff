using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>One generated source: its record, its text, and the records quoted from it.</summary>
internal sealed record Article(
    SeedSource Source, string Text, IReadOnlyList<CorpusEntity> Entities, IReadOnlyList<SeedFact> Facts, IReadOnlyList<SeedObservation> Observations);

/// <summary>
/// Writes one news article about a state visit between two countries of the pool, and the entities, facts and
/// observations it supports, each quoting the words just written. Every record only points at entities this article
/// names, so each of them has evidence somewhere (<see cref="Complete"/> checks it).
/// </summary>
internal sealed partial class Story
{
    /// <summary>About 5 KB of text per article (in UTF-16 units; the text is nearly all ASCII).</summary>
    private const int TargetLength = 5200;

    private readonly SplitMix64 _rng;
    private readonly CorpusPool _pool;
    private readonly int _index;
    private readonly ArticleText _text;
    private readonly DateOnly _published;
    private readonly List<CorpusEntity> _locals = [];
    private readonly HashSet<string> _localIds = new(StringComparer.Ordinal);
    private readonly List<SeedFact> _facts = [];
    private readonly List<SeedObservation> _observations = [];
    private readonly Nation _host;
    private readonly Nation _guest;
    private readonly string _title;
    private readonly string _publisher;
    private int _records;

    private Story(SplitMix64 rng, CorpusPool pool, int index)
    {
        (_rng, _pool, _index) = (rng, pool, index);
        (_host, _guest) = pool.Pair(rng);
        _published = new DateOnly(2012, 1, 1).AddDays(rng.Next(0, 14 * 365));
        _title = $"{_guest.Country.Demonym} President Visits {_host.Country.Name}, {rng.Pick(Subtitles)}";
        _publisher = rng.Pick(pool.Media).Name;
        _text = new ArticleText($"{Names.Slug(_guest.Country.Demonym!)}-president-visits-{_host.Country.Id}-{index}");
    }

    private static readonly string[] Subtitles =
        ["Opening New Era of Friendship", "Pledging Closer Ties", "Seeking Trade Gains", "Amid a Border Thaw", "Turning a Page"];

    public static Article Write(ulong seed, CorpusPool pool, int index)
    {
        var story = new Story(SplitMix64.For(seed, (ulong)index), pool, index);
        story.Tell();
        return story.Complete();
    }

    private void Tell()
    {
        var heading = _rng.Next(Headings.Length);
        _text.Add(_title);
        _text.Paragraph();
        Lede();
        Arrival();
        if (_rng.Chance(0.5))
        {
            Post();
        }

        _text.Paragraph();
        Heading(heading++);
        Talks();
        History();
        Treaty();
        _text.Paragraph();
        Heading(heading++);
        Ceremony();
        Exhibition();
        Agreements();
        _text.Paragraph();
        Proposal();
        Topic();
        Succession();
        _text.Paragraph();
        Heading(heading);
        Trade();
        Exports();
        Crossing();
        _text.Paragraph();
        Assessment();
        if (_rng.Chance(0.9))
        {
            Region();
        }

        LastMet();
        _text.Paragraph();
        // More of what an article repeats (cities, districts, trade, old conflicts, topics) until it is long enough; each
        // names something it has not named yet, and gives up when there is nothing left.
        Func<bool>[] more = [City, City, City, Commodity, Commodity, District, History, Topic];
        for (var (n, tries) = (0, 0); _text.Length < TargetLength && tries < 50; tries++)
        {
            if (_rng.Pick(more)() && ++n % 2 == 0)
            {
                _text.Paragraph();
            }
        }

        Minister();
        _text.Paragraph();
    }

    private CorpusEntity PH => _host.Leader;

    private CorpusEntity PG => _guest.Leader;

    private CorpusEntity H => _host.Country;

    private CorpusEntity G => _guest.Country;

    private void Fact(CorpusEntity subject, string predicate, CorpusEntity? target, string? value, SeedFuzzyDate? date, string modality,
        CorpusEntity? attribution, params ReadOnlySpan<TextSpan> quotes) =>
        _facts.Add(new SeedFact($"{predicate}-f{_index}-{++_records}", subject.Id, predicate, target?.Id, value, date, modality,
            attribution?.Id, null, _text.Evidence(quotes)));

    private void Observe(string metric, CorpusEntity[] subjects, decimal value, string unit, string comparator, SeedFuzzyDate? period,
        TextSpan quote, string modality = "stated", CorpusEntity? attribution = null) =>
        _observations.Add(new SeedObservation($"{metric}-o{_index}-{++_records}", metric, [.. subjects.Select(s => s.Id)], value, unit,
            comparator, period, modality, attribution?.Id, null, _text.Evidence(quote)));

    /// <summary>An id for an entity of this article only: its name's slug, made unique by the article's number.</summary>
    private string LocalId(string name)
    {
        var slug = Names.Slug(name);
        var id = $"{slug}-s{_index}";
        for (var n = 2; !_localIds.Add(id); n++)
        {
            id = $"{slug}-{n}-s{_index}";
        }

        return id;
    }

    private CorpusEntity Local(SeedEntity record, TextSpan quote)
    {
        var entity = new CorpusEntity(record, Kind(record), shared: false);
        _locals.Add(entity);
        _text.Mention(entity, quote);
        return entity;
    }

    private TextSpan Name(CorpusEntity entity)
    {
        var span = _text.Write(entity.Name);
        _text.Mention(entity, span);
        return span;
    }

    /// <summary>"Valdorian President Arlo Venn": names the person and the country.</summary>
    private TextSpan Person(CorpusEntity person, Nation nation)
    {
        var span = _text.Write($"{nation.Country.Demonym} {person.Title} {person.Name}");
        _text.Mention(person, span);
        _text.Mention(nation.Country, span);
        return span;
    }

    private Article Complete()
    {
        var text = _text.Complete();
        var named = _text.Mentioned.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var pointers = _text.Mentioned.SelectMany(e => Pointers(e.Record))
            .Concat(_facts.SelectMany(f => new[] { f.Subject, f.Object, f.Attribution }))
            .Concat(_observations.SelectMany(o => o.Subjects.Append(o.Attribution)));
        if (pointers.FirstOrDefault(id => id is not null && !named.Contains(id)) is { } dangling)
        {
            throw new InvalidOperationException($"Generator defect: source {_index} points at '{dangling}' without naming it.");
        }

        var source = new SeedSource(_text.SourceId, _title, _publisher, "en", FuzzyDates.Day(_published, withYear: true),
            $"sources/{_text.SourceId}.txt");
        return new Article(source, text, _locals, _facts, _observations);
    }

    /// <summary>The ids an entity's record points at.</summary>
    public static IEnumerable<string?> Pointers(SeedEntity entity) => entity switch
    {
        SeedPerson p => [p.Country],
        SeedPlace p => [p.Country, p.PartOf],
        SeedOrganization o => [o.Country],
        SeedEvent e => [e.Place, e.PartOf, .. e.Participants],
        SeedAgreement a => [a.Event, .. a.Parties],
        SeedBorderCrossing b => [.. b.Countries, .. b.Connects],
        _ => [],
    };

    private static string Kind(SeedEntity record) => record switch
    {
        SeedPerson => EntityKind.Person,
        SeedPlace => EntityKind.Place,
        SeedOrganization => EntityKind.Organization,
        SeedEvent => EntityKind.Event,
        SeedAgreement => EntityKind.Agreement,
        SeedBorderCrossing => EntityKind.BorderCrossing,
        _ => EntityKind.Country,
    };
}
