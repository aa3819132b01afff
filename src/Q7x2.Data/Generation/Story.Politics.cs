using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

// Politics: topics of the talks, succession, judgements, the region's hub leaders, quotes.
internal sealed partial class Story
{
    private static readonly string[] Topics = ["water sharing", "energy exports", "migrant workers", "customs fees", "mountain roads", "grazing rights"];
    private static readonly string[] Quotes =
    [
        "Our countries have turned a page", "We have no problems that cannot be solved", "The border is now a place of trade, not conflict",
        "Our peoples are brothers",
    ];

    private bool Topic()
    {
        if (Fresh(Topics) is not { } topic)
        {
            return false;
        }

        var opening = _rng.Pick(["The presidents also discussed", "The talks also covered", "The two sides also touched on"]);
        Fact(_talks, "discussed-topic", null, topic, null, "discussed", null, _text.Write($"{opening} {topic}"));
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
