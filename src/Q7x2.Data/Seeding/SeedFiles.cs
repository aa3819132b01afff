namespace Q7x2.Data.Seeding;

/// <summary>The curated files of a seed folder.</summary>
public static class SeedFiles
{
    public const string SourcesFile = "sources.json";
    public const string PredicatesFile = "predicates.json";
    public const string FactsFile = "facts.json";
    public const string ObservationsFile = "observations.json";
    public const string NotFactsFile = "not-facts.json";

    /// <summary>Optional: a seed without claims (a generated corpus) leaves both out.</summary>
    public const string ClaimsFile = "claims.json";
    public const string QualifiersFile = "claim-qualifiers.json";

    /// <summary>Optional: why sentences of a source yield no record, and where the sentence rule splits wrongly.</summary>
    public const string CoverageFile = "coverage.json";

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
}
