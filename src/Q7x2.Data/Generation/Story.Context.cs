using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

// The background an article gives: history, treaties, trade, geography, politics and the region's leaders.
internal sealed partial class Story
{
    private static readonly string[] Headings = ["A Year of Firsts", "Pomp and Ceremony", "Moving Forward", "Old Wounds", "Trade and Borders"];
    private static readonly string[] Resources = ["gold", "coal", "antimony", "silver", "uranium", "tungsten", "rare earths"];
    private static readonly string[] Topics = ["water sharing", "energy exports", "migrant workers", "customs fees", "mountain roads", "grazing rights"];
    private static readonly string[] Quotes =
    [
        "Our countries have turned a page", "We have no problems that cannot be solved", "The border is now a place of trade, not conflict",
        "Our peoples are brothers",
    ];

    private static readonly string[] Goods = ["cotton", "electricity", "cement", "fruit", "textiles", "fuel", "wheat", "livestock"];

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

    private void Trade()
    {
        var media = _rng.Skewed(_pool.Media);
        Name(media);
        _text.Add(" reported that ");
        var increase = _text.Write($"trade between {H.Name} and {G.Name} is starting to increase again");
        _text.Add(". ");
        Fact(H, "trade-increasing-with", G, null, null, "reported", media, increase);

        var (year, months, withYear) = _published.Month >= 3 ? (_published.Year, _published.Month - 1, false) : (_published.Year - 1, _rng.Next(3, 12), true);
        var now = FuzzyDates.FirstMonths(year, months, withYear);
        var before = FuzzyDates.FirstMonths(year - 1, months, withYear: true);
        var earlier = Figures.Money(_rng, 0);
        var ratio = _rng.Next(2, 20);
        var current = Figures.Millions(decimal.Round(earlier.Value * ratio / 1_000_000m, 2));
        var figure = _text.Write($"The figure for {now.Text} was {current.Text}");
        _text.Add(", ");
        var times = _text.Write($"about {ratio} times more");
        _text.Add(" than ");
        var then = _text.Write($"the {earlier.Text} recorded in {before.Text}");
        _text.Add(". ");
        Observe("bilateral-trade-value", [H, G], current.Value, "USD", "eq", now, figure);
        Observe("trade-growth-multiple", [H, G], ratio, "ratio", "approx", now, times);
        Observe("bilateral-trade-value", [H, G], earlier.Value, "USD", "eq", before, then);

        var past = _published.Year - _rng.Next(3, 10);
        var period = _rng.Chance(0.5) ? FuzzyDates.Year(past, null) : FuzzyDates.Before(past);
        var peak = Figures.Money(_rng, _rng.Chance(0.8) ? 1 : 2);
        var topped = _text.Write($"{(period.Qualifier is null ? "In" : "In the years")} {period.Text}, bilateral trade topped {peak.Text}");
        Observe("annual-bilateral-trade-value", [H, G], peak.Value, "USD", "gt", period, topped);
        _text.Add(". ");
    }

    private void Exports()
    {
        _text.Add("Exports from ");
        Name(H);
        _text.Add(" ");
        var change = Figures.Percent(_rng, 40);
        var fell = _rng.Chance(0.4);
        var period = FuzzyDates.Year(_published.Year - 1, _rng.Pick<string?>(["early", "mid", "late", null]));
        var words = _text.Write($"{(fell ? "fell" : "rose")} {Figures.Text(change)} percent in {period.Text}");
        Observe("export-change", [H], fell ? -change : change, "percent", "eq", period, words);
        _text.Add(". ");
    }

    private bool City()
    {
        var nation = _rng.Chance(0.7) ? _host : _guest;
        if (Fresh(nation.Cities, skewed: true) is not { } city)
        {
            return false;
        }

        var start = _text.Length;
        Name(city);
        _text.Add(", ");
        _text.Mention(nation.Country, _text.Write($"a {nation.Country.Demonym} city"));
        Fact(city, "located-in", nation.Country, null, null, "stated", null, _text.Since(start));
        _text.Add(" of ");
        var (count, value) = Figures.Headcount(_rng);
        var people = _text.Write($"more than {count} people");
        Observe("population", [city], value, "person", "gt", null, people);
        if (city != Capital)
        {
            _text.Add(", lies ");
            Fact(city, "far-from", _talks, null, null, "stated", null, _text.Write("far from where the talks were held"));
        }
        else
        {
            _text.Add(", hosted the talks");
        }

        _text.Add(". ");
        return true;
    }

    private bool Commodity()
    {
        if (Fresh(Goods) is not { } goods)
        {
            return false;
        }

        var period = FuzzyDates.Year(_published.Year - 1, null);
        var value = Figures.Money(_rng, 1);
        var start = _text.Length;
        _text.Add($"Trade in {goods} reached {value.Text} in {period.Text}");
        Observe($"{Names.Slug(goods)}-trade-value", [H, G], value.Value, "USD", "eq", period, _text.Since(start));
        _text.Add(", ");
        var change = Figures.Percent(_rng, 60);
        var up = _rng.Chance(0.6);
        var words = _text.Write($"{(up ? "up" : "down")} {Figures.Text(change)} percent from a year earlier");
        Observe($"{Names.Slug(goods)}-trade-change", [H, G], up ? change : -change, "percent", "eq", period, words);
        _text.Add(". ");
        return true;
    }

    private bool District()
    {
        if (_districts == 2)
        {
            return false;
        }

        _districts++;
        var city = _rng.Skewed(_host.Cities);
        var name = $"{Names.Stem(_rng, 2, coda: true)} district";
        var start = _text.Length;
        _text.Add($"The {name} of ");
        Name(city);
        var located = _text.Since(start);
        var district = Local(new SeedPlace(LocalId(name), name, [], $"District of {city.Name}, {H.Name}.", [], "district", H.Id, city.Id), located);
        Fact(district, "located-in", city, null, null, "stated", null, located);
        _text.Add(", near the border, ");
        var hit = _text.Write("was hit hard when the border was closed");
        Fact(district, "residents-affected-by", null, "the closing of the border", null, "stated", null, hit);
        _text.Add(". ");

        var resource = _rng.Next(Resources.Length);
        var (first, second) = (Resources[resource], Resources[(resource + 1 + _rng.Next(Resources.Length - 1)) % Resources.Length]);
        Name(H);
        _text.Add(" ");
        Fact(H, "has-deposits-of", null, $"{first} and {second}", null, "stated", null, _text.Write($"has deposits of {first} and {second}"));
        _text.Add(", and ");
        var says = _text.Length;
        var company = $"{Names.Stem(_rng, 2, coda: true)} {_rng.Pick(["Mining", "Energy", "Trading", "Minerals"])} Company";
        var business = Local(new SeedOrganization(LocalId(company), company, [], $"Company working in the {name}.", [], "business", H.Id),
            _text.Write(company));
        _text.Add(" says the area is attracting interest from ");
        _text.Mention(G, _text.Write($"{G.Demonym} investors"));
        Fact(H, "attracting-interest-from", null, $"{G.Demonym} investors", null, "reported", business, _text.Since(says));
        _text.Add(". ");
        return true;
    }

    private bool Topic()
    {
        if (Fresh(Topics) is not { } topic)
        {
            return false;
        }

        _text.Add("The presidents also ");
        Fact(_talks, "discussed-topic", null, topic, null, "discussed", null, _text.Write($"discussed {topic}"));
        if (!_mostImportant)
        {
            _mostImportant = true;
            _text.Add(", ");
            var called = _text.Write($"which {PH.Short} called the most important issue between the two countries");
            Fact(_talks, "most-important-topic", null, topic, null, "stated", PH, called);
        }

        _text.Add(". ");
        return true;
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

    private void Succession()
    {
        var start = _text.Length;
        _text.Add($"{PH.Short}’s son ");
        Name(_host.Heir);
        Fact(_host.Heir, "son-of", PH, null, null, "stated", null, _text.Since(start));
        _text.Add(", ");
        var chairs = _text.Length;
        _text.Add("who chairs the ");
        Name(_host.Legislature);
        Fact(_host.Heir, "chairman-of", _host.Legislature, null, null, "stated", null, _text.Since(chairs));
        _text.Add(", ");
        var seems = _text.Write("seems to be the heir apparent");
        Fact(_host.Heir, "heir-apparent-to", PH, null, null, "assessed", null, seems);
        _text.Add(" and the most likely future leader of ");
        Name(H);
        Fact(_host.Heir, "presumptive-future-leader-of", H, null, null, "assessed", null, _text.Since(seems.Start));
        _text.Add(". ");
    }

    private void Assessment()
    {
        var start = _text.Length;
        _text.Add($"Judging by {PG.Short}’s warm reception in {Capital.Name}, the worst of times have passed in {H.Demonym}-{G.Demonym} relations");
        Fact(H, "relations-assessment", null, "the worst of times have passed", null, "assessed", null, _text.Since(start));
        Fact(G, "relations-assessment", null, "the worst of times have passed", null, "assessed", null, _text.Since(start));
        _text.Add(". ");

        var like = _text.Length;
        _text.Add("Like ");
        Name(G);
        _text.Add(", ");
        Name(H);
        _text.Add(" is a small, mountainous country");
        Fact(H, "similar-to", G, null, null, "assessed", null, _text.Since(like));
        _text.Add(": ");
        var share = _rng.Next(60, 95);
        Observe("mountain-coverage-share", [H], share, "percent", "gt", null,
            _text.Write($"more than {share} percent of its territory is covered by mountains"));
        _text.Add(". ");

        _text.Add("Both countries ");
        Fact(H, "spent-resources-on", null, "arming its border troops", null, "stated", null, _text.Write("spent heavily on arming their border troops"));
        _text.Add(", money that ");
        Fact(H, "better-spent-on", null, "roads and schools", null, "assessed", null, _text.Write("would have been better spent on roads and schools"));
        _text.Add(". ");
    }

    /// <summary>The hubs: the first three countries of the pool and the leaders of the first two.</summary>
    private void Region()
    {
        var hubs = _pool.Nations.Take(CorpusPool.HubNations).ToArray();
        var first = Person(hubs[0].Leader, hubs[0]);
        _text.Add(" and ");
        var second = Person(hubs[1].Leader, hubs[1]);
        foreach (var (leader, nation, span) in new[] { (hubs[0].Leader, hubs[0], first), (hubs[1].Leader, hubs[1], second) })
        {
            if (leader != PH && leader != PG)
            {
                Fact(leader, "president-of", nation.Country, null, null, "stated", null, span);
            }
        }

        _text.Add(" welcomed the talks, and ");
        var start = _text.Length;
        var three = _text.Write("the leaders of the three countries");
        _text.Add(" – ");
        Name(hubs[0].Country);
        _text.Add(", ");
        Name(hubs[1].Country);
        _text.Add(" and ");
        Name(hubs[2].Country);
        var date = FuzzyDates.Year(_published.Year + 1, _rng.Pick<string?>(["early", "mid", "late"]));
        _text.Add($" – are due to meet in {date.Text}");
        var name = $"{string.Join("-", hubs.Select(h => h.Country.Demonym))} summit, {date.Text}";
        var summit = Local(new SeedEvent(LocalId(name), name, [], "Planned summit of the region’s three largest countries.", [], "summit", date, null,
            [.. hubs.Select(h => h.Country.Id)], null), _text.Since(start));
        Observe("summit-participants", [summit], CorpusPool.HubNations, "count", "eq", date, three);
        _text.Add(". ");
    }

    /// <summary>Names both presidents in full again, so their quotes occur twice in the text.</summary>
    private void LastMet()
    {
        var start = _text.Length;
        var host = Person(PH, _host);
        _text.Add(" and ");
        var guest = Person(PG, _guest);
        var date = FuzzyDates.NearlyYearsBefore(_rng.Next(2, 6), _start);
        _text.Add($" last met {date.Text}, in ");
        Name(_guest.Capital);
        var name = $"Meeting of {PH.Name} and {PG.Name}, {date.From.Year}";
        var meeting = Local(new SeedEvent(LocalId(name), name, [], $"Earlier meeting of the two presidents in {_guest.Capital.Name}.", [],
            "meeting", date, _guest.Capital.Id, [PH.Id, PG.Id], null), _text.Since(start));
        Fact(_visit, "followed", meeting, null, null, "stated", null, _text.Since(start));
        Fact(PH, "president-of", H, null, null, "stated", null, host);
        Fact(PG, "president-of", G, null, null, "stated", null, guest);
        _text.Add(". ");
    }

    private void Minister()
    {
        var nation = _rng.Chance(0.6) ? _host : _guest;
        var quote = _rng.Pick(Quotes);
        var words = _text.Write($"“{quote},”");
        _text.Add(" ");
        Person(nation.Minister, nation);
        _text.Add($" told reporters in {Capital.Name}. ");
        Fact(nation.Country, "relations-assessment", null, quote, null, "stated", nation.Minister, words);
    }
}
