namespace Q7x2.Data.Seeding;

/// <summary>The curated files of a seed folder, parsed and checked for shape but not yet for references.</summary>
public sealed record SeedFiles(
    string Root,
    IReadOnlyList<SeedSource> Sources,
    IReadOnlyList<SeedPredicate> Predicates,
    IReadOnlyList<SeedPerson> People,
    IReadOnlyList<SeedCountry> Countries,
    IReadOnlyList<SeedPlace> Places,
    IReadOnlyList<SeedOrganization> Organizations,
    IReadOnlyList<SeedEvent> Events,
    IReadOnlyList<SeedAgreement> Agreements,
    IReadOnlyList<SeedBorderCrossing> BorderCrossings,
    IReadOnlyList<SeedFact> Facts,
    IReadOnlyList<SeedObservation> Observations,
    IReadOnlyList<SeedNotFact> NotFacts)
{
    public const string SourcesFile = "sources.json";
    public const string PredicatesFile = "predicates.json";
    public const string FactsFile = "facts.json";
    public const string ObservationsFile = "observations.json";
    public const string NotFactsFile = "not-facts.json";

    /// <summary>The file of each entity kind, and the member of its root object that lists them.</summary>
    public static readonly IReadOnlyDictionary<string, (string File, string Root)> EntityFiles = new Dictionary<string, (string, string)>
    {
        [Data.Entities.EntityKind.Person] = ("people.json", "people"),
        [Data.Entities.EntityKind.Country] = ("countries.json", "countries"),
        [Data.Entities.EntityKind.Place] = ("places.json", "places"),
        [Data.Entities.EntityKind.Organization] = ("organizations.json", "organizations"),
        [Data.Entities.EntityKind.Event] = ("events.json", "events"),
        [Data.Entities.EntityKind.Agreement] = ("agreements.json", "agreements"),
        [Data.Entities.EntityKind.BorderCrossing] = ("border-crossings.json", "borderCrossings"),
    };

    /// <summary>Every entity with the file it came from and its JSON path there.</summary>
    public IEnumerable<(SeedEntity Entity, string Kind, string File, string Path)> Entities() =>
        Located(People, Data.Entities.EntityKind.Person)
            .Concat(Located(Countries, Data.Entities.EntityKind.Country))
            .Concat(Located(Places, Data.Entities.EntityKind.Place))
            .Concat(Located(Organizations, Data.Entities.EntityKind.Organization))
            .Concat(Located(Events, Data.Entities.EntityKind.Event))
            .Concat(Located(Agreements, Data.Entities.EntityKind.Agreement))
            .Concat(Located(BorderCrossings, Data.Entities.EntityKind.BorderCrossing));

    private static IEnumerable<(SeedEntity, string, string, string)> Located<T>(IReadOnlyList<T> items, string kind)
        where T : SeedEntity =>
        items.Select((e, i) => ((SeedEntity)e, kind, EntityFiles[kind].File, $"$.{EntityFiles[kind].Root}[{i}]"));
}
