using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>
/// The entities sources share, made before the first source: the first three countries and the leaders of the first two are
/// the hubs most sources cite; the rest are cited by several sources each, the earlier ones more often. Its size grows with
/// the number of sources. Only the entities some source mentions are written.
/// </summary>
internal sealed class CorpusPool
{
    public const int HubNations = 3;

    private static readonly string[] IsoCodes =
        [.. Enumerable.Range('A', 26).Select(c => $"X{(char)c}"), .. Enumerable.Range('M', 14).Select(c => $"Q{(char)c}")];

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public List<CorpusEntity> Entities { get; } = [];

    public List<Nation> Nations { get; } = [];

    public List<CorpusEntity> Media { get; } = [];

    public List<CorpusEntity> Conflicts { get; } = [];

    public List<CorpusEntity> Treaties { get; } = [];

    public List<CorpusEntity> Valleys { get; } = [];

    public CorpusPool(ulong seed, int sources)
    {
        var rng = SplitMix64.For(seed, 0);
        for (var i = 0; i < Math.Clamp(6 + (sources / 10), 6, IsoCodes.Length); i++)
        {
            Nations.Add(NewNation(rng, IsoCodes[i]));
        }

        for (var i = 0; i < sources / 5; i++)
        {
            var nation = Nations[i % Nations.Count];
            nation.Cities.Add(City(rng, nation.Country, $"City in {nation.Country.Name}."));
        }

        for (var i = 0; i < 3 + (sources / 200); i++)
        {
            var name = $"The {Names.Stem(rng, 2, coda: true)} {rng.Pick(["Herald", "Times", "Observer", "News Agency", "Courier"])}";
            Media.Add(Add(new SeedOrganization(Claim(name), name, [], "News outlet whose reports the articles cite.", [], "media", null),
                EntityKind.Organization));
        }

        for (var i = 0; i < 2 + (sources / 100); i++)
        {
            var name = $"{Names.Stem(rng, 2, coda: true)} Valley";
            Valleys.Add(Add(new SeedPlace(Claim(name), name, [], "Valley shared by several countries.", [], "valley", null, null),
                EntityKind.Place));
        }

        for (var i = 0; i < 4 + (sources / 25); i++)
        {
            Conflicts.Add(Conflict(rng));
        }

        for (var i = 0; i < 3 + (sources / 50); i++)
        {
            Treaties.Add(Treaty(rng));
        }
    }

    /// <summary>Two different nations, the hubs among them more often than the rest.</summary>
    public (Nation A, Nation B) Pair(SplitMix64 rng)
    {
        var a = rng.Skewed(Nations);
        var b = a;
        while (b == a)
        {
            b = rng.Chance(0.4) ? Nations[rng.Next(HubNations)] : rng.Skewed(Nations);
        }

        return (a, b);
    }

    private string Claim(string name)
    {
        var slug = Names.Slug(name);
        var id = slug;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = $"{slug}-{n}";
        }

        return id;
    }

    private CorpusEntity Add(SeedEntity record, string kind, string? demonym = null, string? title = null, string? shortName = null,
        params CorpusEntity[] named)
    {
        var entity = new CorpusEntity(record, kind, shared: true)
        {
            Demonym = demonym, Title = title, Short = shortName ?? record.Name, Named = named,
        };
        Entities.Add(entity);
        return entity;
    }

    private CorpusEntity Person(SplitMix64 rng, CorpusEntity country, string title, string description)
    {
        var (name, surname) = Names.Person(rng);
        var record = new SeedPerson(Claim(name), name, [new SeedAlias(surname, "alias")], description, [], country.Id, title);
        return Add(record, EntityKind.Person, title: title, shortName: surname);
    }

    private CorpusEntity City(SplitMix64 rng, CorpusEntity country, string description)
    {
        var name = Names.City(rng);
        return Add(new SeedPlace(Claim(name), name, [], description, [], "city", country.Id, null), EntityKind.Place);
    }

    private Nation NewNation(SplitMix64 rng, string isoCode)
    {
        var (name, demonym) = Names.Country(rng);
        var country = Add(
            new SeedCountry(Claim(name), name, [new SeedAlias(demonym, "demonym")], $"Country ({isoCode}) of the generated corpus.", [], isoCode),
            EntityKind.Country, demonym: demonym);
        var leader = Person(rng, country, "President", $"President of {name}.");
        var assembly = $"{rng.Pick(["Supreme", "National", "People’s", "Grand"])} {rng.Pick(["Assembly", "Council", "Kurultai"])} of {name}";
        var legislature = Add(new SeedOrganization(Claim(assembly), assembly, [], $"Legislature of {name}.", [], "legislature", country.Id),
            EntityKind.Organization, named: country);
        var guard = $"{name}’s Honor Guard";
        var nation = new Nation
        {
            Country = country,
            Leader = leader,
            Minister = Person(rng, country, "Foreign Minister", $"Foreign minister of {name}."),
            Heir = Person(rng, country, $"Chairman of the {assembly}", $"Son of the president of {name}, chairman of its legislature."),
            Legislature = legislature,
            HonorGuard = Add(new SeedOrganization(Claim(guard), guard, [], $"Ceremonial unit of {name}.", [], "ceremonial-unit", country.Id),
                EntityKind.Organization, named: country),
        };
        nation.Cities.Add(City(rng, country, $"Capital of {name}."));
        return nation;
    }

    private CorpusEntity Conflict(SplitMix64 rng)
    {
        var (a, b) = Pair(rng);
        var date = FuzzyDates.Month(rng.Next(1992, 2024), rng.Next(1, 13), rng.Pick<string?>(["early", "mid", "late", null]));
        var name = $"{a.Country.Demonym}-{b.Country.Demonym} border clashes of {date.Text}";
        var record = new SeedEvent(Claim(name), name, [], $"Armed clashes between {a.Country.Name} and {b.Country.Name} in {date.Text}.", [],
            "armed-conflict", date, null, [a.Country.Id, b.Country.Id], null);
        return Add(record, EntityKind.Event, named: [a.Country, b.Country]);
    }

    private CorpusEntity Treaty(SplitMix64 rng)
    {
        var (a, b) = Pair(rng);
        var date = FuzzyDates.Month(rng.Next(1995, 2025), rng.Next(1, 13), null);
        var type = rng.Pick(["border", "border-delimitation", "cooperation"]);
        var name = $"{a.Country.Demonym}-{b.Country.Demonym} {type.Replace('-', ' ')} treaty of {date.Text}";
        var record = new SeedAgreement(Claim(name), name, [], $"Treaty between {a.Country.Name} and {b.Country.Name}, signed in {date.Text}.", [],
            type, date, [a.Country.Id, b.Country.Id], null, []);
        return Add(record, EntityKind.Agreement, named: [a.Country, b.Country]);
    }
}
