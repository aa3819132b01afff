using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

// The visit itself: who came, the welcome, the talks, what was signed and proposed.
internal sealed partial class Story
{
    private static readonly string[] Adjectives = ["frank", "constructive", "warm", "productive", "substantive", "open", "friendly", "businesslike"];
    private static readonly string[] Areas = ["energy", "water use", "transport", "education", "health care", "customs", "tourism", "agriculture"];
    private static readonly string[] Mottos = ["Eternal Friendship", "Good Neighbors", "One Valley, Two Nations", "Bridges of Friendship"];
    private static readonly string[] Posts = ["Brothers again", "Neighbors forever", "A new chapter", "Friends at last"];

    private static readonly string[] Proposals =
    [
        "creating a free economic zone near the border", "building a railway between the two capitals",
        "a joint hydropower plant on the border river", "a visa-free regime for tourists", "a common customs post",
    ];

    private CorpusEntity _visit = null!;
    private CorpusEntity _welcome = null!;
    private CorpusEntity _talks = null!;
    private SeedFuzzyDate _visitDate = null!;
    private DateOnly _start;

    private CorpusEntity Capital => _host.Capital;

    private string MonthYear(DateOnly d) => $"{FuzzyDates.Months[d.Month - 1]} {d.Year}";

    private void Lede()
    {
        var days = _rng.Next(1, 4);
        _start = _published.AddDays(-_rng.Next(days + 1, 15));
        if (_start.Day + days - 1 > DateTime.DaysInMonth(_start.Year, _start.Month))
        {
            _start = _start.AddDays(-days);
        }

        _visitDate = days == 1 ? FuzzyDates.Day(_start, withYear: false) : FuzzyDates.Days(_start, _start.AddDays(days - 1));
        Person(PG, _guest);
        _text.Add(" ");
        var concluded = _text.Length;
        _text.Add("just concluded ");
        var duration = _text.Length;
        _text.Add($"a {Names.Count(days)}-day state visit to ");
        Name(H);
        var visitSpan = _text.Since(concluded);
        var durationSpan = _text.Since(duration);
        _text.Add(". ");
        var name = $"State visit of {PG.Name} to {H.Name}, {MonthYear(_start)}";
        _visit = Local(new SeedEvent(LocalId(name), name, [], $"{PG.Name}’s state visit to {H.Name}, hosted by {PH.Name}.", [],
            "state-visit", _visitDate, Capital.Id, [PG.Id, PH.Id], null), visitSpan);
        Observe("visit-duration", [_visit], days, "day", "eq", _visitDate, durationSpan);

        var years = _rng.Next(3, 20);
        var first = _text.Length;
        _text.Add($"It was the first state visit by {Names.Article(G.Demonym!)} ");
        _text.Mention(G, _text.Write(G.Demonym!));
        _text.Add(" leader to ");
        Name(H);
        _text.Add(" ");
        var since = _text.Write($"in more than {Names.Count(years)} years");
        Fact(_visit, "described-as", null, "the first state visit by a leader of the guest country in years", null, "stated", null, _text.Since(first));
        Observe("years-since-previous-state-visit", [G, H], years, "year", "gt", null, since);
        _text.Add(". ");
    }

    private void Arrival()
    {
        var arrived = _text.Length;
        _text.Add($"{PG.Short} arrived in ");
        var capital = _text.Write($"the {H.Demonym} capital {Capital.Name}");
        _text.Mention(Capital, capital);
        _text.Mention(H, capital);
        var day = FuzzyDates.Day(_start, withYear: false);
        _text.Add($" on {day.Text}");
        var arrival = _text.Since(arrived);
        _text.Add(", where ");
        Person(PH, _host);
        _text.Add(" met him at the airport. ");
        Fact(Capital, "capital-of", H, null, null, "stated", null, capital);
        Fact(Capital, "located-in", H, null, null, "stated", null, capital);
        var name = $"Welcome ceremony for {PG.Name} in {Capital.Name}, {MonthYear(_start)}";
        _welcome = Local(new SeedEvent(LocalId(name), name, [], $"Official welcome of {PG.Name} on arrival in {Capital.Name}.", [],
            "welcome-ceremony", day, Capital.Id, [PH.Id, PG.Id], _visit.Id), arrival);

        var custom = _text.Length;
        _text.Add($"{PH.Short} greeted his guest with bread and salt, as he does all important visitors. ");
        Fact(PH, "hosting-custom", null, "greeting important visitors with bread and salt", null, "stated", null,
            new TextSpan(custom, _text.Length - custom - 1));
    }

    private void Ceremony()
    {
        Name(_host.HonorGuard);
        _text.Add(" ");
        var anthems = _text.Write("played the national anthems of both countries");
        _text.Add(", followed by ");
        var guns = _rng.Pick([21, 21, 19, 15]);
        var salute = _text.Write($"a {guns}-gun salute");
        _text.Add($" for {PG.Short}. ");
        Fact(_welcome, "featured", null, "the national anthems of both countries", null, "stated", null, anthems);
        Observe("national-anthems-played", [_welcome], 2, "count", "eq", ((SeedEvent)_welcome.Record).Date, anthems);
        Observe("gun-salute", [_welcome], guns, "gun", "eq", ((SeedEvent)_welcome.Record).Date, salute);
    }

    private void Post()
    {
        var words = $"{_rng.Pick(Posts)} 🤝";
        _text.Add("One widely shared post read ");
        var quote = _text.Write($"“{words}”");
        _text.Add(" under a photo of the two presidents. ");
        Fact(_visit, "described-as", null, words, null, "reported", null, quote);
    }

    private void Talks()
    {
        _text.Add($"{PH.Short}, ");
        var power = _text.Length;
        _text.Add("who has been in power in ");
        Name(H);
        var year = _published.Year - _rng.Next(2, 12);
        _text.Add($" since late {year}");
        Fact(PH, "in-power-in", H, null, FuzzyDates.Since(year, _published), "stated", null, _text.Since(power));
        _text.Add(", ");
        var called = _text.Length;
        var (a, b) = (_rng.Pick(Adjectives), _rng.Pick(Adjectives));
        b = a == b ? "useful" : b;
        _text.Add("called the talks ");
        var words = _text.Write($"“{a} and {b}”");
        var name = $"Talks between {PH.Name} and {PG.Name}, {MonthYear(_start)}";
        _talks = Local(new SeedEvent(LocalId(name), name, [], $"Talks held during {PG.Name}’s state visit to {H.Name}.", [],
            "talks", _visitDate, Capital.Id, [PH.Id, PG.Id], _visit.Id), _text.Since(called));
        Fact(_talks, "described-as", null, $"{a} and {b}", null, "stated", PH, words);
        _text.Add(". ");
    }

    private void Agreements()
    {
        var count = _rng.Next(3, 25);
        var area = _rng.Next(Areas.Length);
        var (first, second) = (Areas[area], Areas[(area + 1 + _rng.Next(Areas.Length - 1)) % Areas.Length]);
        var start = _text.Length;
        _text.Add("The two presidents ");
        var signed = _text.Write($"signed {Names.Count(count)} agreements");
        _text.Add($", including one on {first} and ");
        var memorandum = _text.Write($"a memorandum on {second}");
        var name = $"{H.Demonym}-{G.Demonym} cooperation package of {MonthYear(_start)}";
        var package = Local(new SeedAgreement(LocalId(name), name, [], $"Agreements signed during {PG.Name}’s visit to {H.Name}.", [],
            "package", _visitDate, [H.Id, G.Id], _visit.Id, [first, second]), _text.Since(start));
        Observe("agreements-signed", [package], count, "count", "eq", _visitDate, signed);
        Observe("memoranda-signed", [package], 1, "count", "eq", _visitDate, memorandum);
        _text.Add(". ");

        var concerns = _text.Length;
        _text.Add("Two of them concern cooperation between the ");
        Name(_host.Legislature);
        _text.Add(" and the ");
        Name(_guest.Legislature);
        var span = _text.Since(concerns);
        Fact(package, "concerns", _host.Legislature, null, null, "stated", null, span);
        Fact(package, "concerns", _guest.Legislature, null, null, "stated", null, span);
        _text.Add(". ");
    }

    private void Proposal()
    {
        var proposal = _rng.Pick(Proposals);
        _text.Add($"{PG.Short} ");
        var proposed = _text.Write($"proposed {proposal}");
        _text.Add(", ");
        var discussed = _text.Write("an idea the two sides discussed but did not agree on");
        _text.Add(". ");
        Fact(PG, "proposed", null, proposal, null, "proposed", null, proposed);
        Fact(_talks, "discussed-topic", null, proposal, null, "discussed", null, discussed);
    }

    private void Exhibition()
    {
        _text.Add("The two leaders also visited ");
        var fair = _text.Write($"{Names.A(H.Demonym!)}-{G.Demonym} trade exhibition");
        _text.Add(" of ");
        var goods = _text.Write("goods from both countries");
        _text.Add(" and attended ");
        var motto = _rng.Pick(Mottos);
        var concertAt = _text.Length;
        _text.Add("a concert ");
        var performers = _text.Write("featuring performers from both countries");
        _text.Add($" dedicated to “{motto}”");
        var concert = _text.Since(concertAt);
        _text.Add(". ");
        var day = FuzzyDates.Day(_start, withYear: false);
        var exhibition = $"{H.Demonym}-{G.Demonym} trade exhibition, {MonthYear(_start)}";
        var fairEntity = Local(new SeedEvent(LocalId(exhibition), exhibition, [], "Trade exhibition the two presidents visited.", [],
            "exhibition", _visitDate, Capital.Id, [PH.Id, PG.Id], _visit.Id), fair);
        var show = $"“{motto}” concert, {MonthYear(_start)}";
        var concertEntity = Local(new SeedEvent(LocalId(show), show, [], "Concert the two presidents attended.", [],
            "concert", day, Capital.Id, [PH.Id, PG.Id], _visit.Id), concert);
        Fact(fairEntity, "featured", null, "goods from both countries", null, "stated", null, goods);
        Fact(concertEntity, "dedicated-to", null, motto, null, "stated", null, concert);
        Fact(concertEntity, "featured", null, "performers from both countries", null, "stated", null, performers);
    }
}
