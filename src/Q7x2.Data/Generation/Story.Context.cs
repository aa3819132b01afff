using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

// The background an article gives: old conflicts, refugees, the treaty and the border crossings it reopened.
internal sealed partial class Story
{
    private static readonly string[] Headings = ["A Year of Firsts", "Pomp and Ceremony", "Moving Forward", "Old Wounds", "Trade and Borders"];

    private readonly HashSet<object> _named = [];
    private CorpusEntity _treaty = null!;
    private bool _mostImportant;
    private int _districts;

    /// <summary>One of <paramref name="items"/> this article has not written about yet (a few draws), or null.</summary>
    private T? Fresh<T>(IReadOnlyList<T> items, bool skewed = false)
        where T : class
    {
        for (var i = 0; i < 8; i++)
        {
            var item = skewed ? _rng.Skewed(items) : _rng.Pick(items);
            if (_named.Add(item))
            {
                return item;
            }
        }

        return null;
    }

    private void Heading(int n)
    {
        _text.Add(Headings[n % Headings.Length]);
        _text.Paragraph();
    }

    private bool History()
    {
        if (Fresh(_pool.Conflicts, skewed: true) is not { } conflict)
        {
            return false;
        }

        _text.Add("Relations were strained by ");
        _text.Mention(conflict, _text.Write($"the {conflict.Name}"));
        _text.Add(", ");
        var brief = _text.Write("a brief but intense conflict");
        _text.Add(" in which ");
        var dead = _rng.Next(2, 60) * 10;
        var killed = _text.Write($"more than {dead} people were killed");
        _text.Add(". ");
        Fact(conflict, "described-as", null, "a brief but intense conflict", null, "assessed", null, brief);
        Observe("fatalities", [conflict], dead, "person", "gt", ((SeedEvent)conflict.Record).Date, killed);
        if (_rng.Chance(0.5))
        {
            Refugees(conflict);
        }

        return true;
    }

    private void Refugees(CorpusEntity conflict)
    {
        var decade = FuzzyDates.Decade(((SeedEvent)conflict.Record).Date!.From.Year / 10 * 10);
        var start = _text.Length;
        _text.Add($"In {decade.Text}, ");
        Name(H);
        _text.Add(" sheltered ");
        var (count, value) = Figures.Headcount(_rng);
        var refugees = _text.Write($"more than {count} refugees");
        _text.Add(" from ");
        _text.Mention(conflict, _text.Write($"the {conflict.Name}"));
        Fact(H, "sheltered-refugees-from", conflict, null, decade, "stated", null, _text.Since(start));
        Observe("refugees", [H], value, "person", "gt", decade, refugees);
        _text.Add(". ");
    }

    /// <summary>A treaty of the pool, one the host or the guest is party to when one comes up among a few draws.</summary>
    private void Treaty()
    {
        _treaty = _rng.Skewed(_pool.Treaties);
        for (var i = 0; i < 8 && !_treaty.Named.Contains(H) && !_treaty.Named.Contains(G); i++)
        {
            _treaty = _rng.Skewed(_pool.Treaties);
        }

        var start = _text.Length;
        _text.Add("The visit followed ");
        _text.Mention(_treaty, _text.Write($"the {_treaty.Name}"));
        Fact(_visit, "followed", _treaty, null, null, "stated", null, _text.Since(start));
        Fact(_treaty, "led-to", _visit, null, null, "stated", null, _text.Since(start));
        _text.Add(", ");
        var hope = _text.Length;
        _text.Add("which both sides hope will end ");
        var (years, words) = _rng.Chance(0.5) ? (10, "a decade") : (20, "two decades");
        var duration = _text.Write($"more than {words} of disputes");
        _text.Add(" along their frontier");
        Fact(_treaty, "hoped-to-end", null, "disputes along their frontier", null, "hoped", null, _text.Since(hope));
        Observe("dispute-duration", [.. _treaty.Named], years, "year", "gt", null, duration);
        _text.Add(". ");
    }

    private void Crossing()
    {
        var name = $"{Names.Stem(_rng, 2, coda: true)} crossing";
        var start = _text.Length;
        _text.Add($"The {name} between ");
        Name(H);
        _text.Add(" and ");
        Name(G);
        var crossingSpan = _text.Since(start);
        var day = _start.AddDays(-_rng.Next(20, 400));
        var opened = FuzzyDates.Month(day.Year, day.Month, _rng.Pick<string?>(["early", "mid", "late", null]));
        var crossing = Local(new SeedBorderCrossing(LocalId(name), name, [], $"Border crossing between {H.Name} and {G.Name}.", [],
            "reopened", [H.Id, G.Id], [], opened), crossingSpan);
        _text.Add(" ");
        Fact(crossing, "reopened-after", _treaty, null, opened, "stated", null, _text.Write($"reopened in {opened.Text} after the treaty"));
        _text.Add(", and ");
        var announced = _text.Length;
        var more = _rng.Next(1, 4);
        var announcement = _text.Write($"the opening of {Names.Count(more)} more crossings was announced during the visit");
        Observe("border-crossings-announced", [_visit], more, "count", "eq", _visitDate, announcement);
        var next = $"{Names.Stem(_rng, 2, coda: true)} crossing";
        _text.Add(", the first of them at the ");
        var nextSpan = _text.Write(next);
        var planned = Local(new SeedBorderCrossing(LocalId(next), next, [], $"Border crossing between {H.Name} and {G.Name} whose opening was announced.", [],
            "closed", [H.Id, G.Id], [], null), nextSpan);
        Fact(planned, "opening-announced-during", _visit, null, null, "stated", null, _text.Since(announced));
        _text.Add(". ");
    }
}
