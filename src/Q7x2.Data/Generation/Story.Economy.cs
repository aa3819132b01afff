using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

// Trade figures, resources and the places they come from.
internal sealed partial class Story
{
    private static readonly string[] Resources = ["gold", "coal", "antimony", "silver", "uranium", "tungsten", "rare earths"];
    private static readonly string[] Goods = ["cotton", "electricity", "cement", "fruit", "textiles", "fuel", "wheat", "livestock"];

    private int _commodities;

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

    private bool Commodity()
    {
        if (_commodities == 4 || Fresh(Goods) is not { } goods)
        {
            return false;
        }

        _commodities++;
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
        _text.Mention(nation.Country, _text.Write($"{Names.A(nation.Country.Demonym!)} city"));
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
}
