namespace Q7x2.Data.Seeding;

// The shapes of the curated JSON files in seed/ (see seed/README.md). Parameters without a
// default must be present in the file; the ones with a default may be left out.

public sealed record SeedEvidence(string Source, string Exact, int? Occurrence = null);

public sealed record SeedFuzzyDate(
    string Text, DateOnly From, DateOnly To, string Precision,
    string? Qualifier = null, string Basis = "stated", string? Note = null);

public sealed record SeedAlias(string Name, string Type);

public sealed record SeedSource(
    string Id, string Title, string? Publisher, string Language, SeedFuzzyDate? Published, string File,
    string? License = null, string? RightsHolder = null, string? Url = null, bool TextRedistributable = true);

public sealed record SeedPredicate(string Id, string Label, string? InverseLabel, string Description);

public abstract record SeedEntity(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence);

public sealed record SeedPerson(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string? Country, string? Role)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedCountry(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string IsoCode)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedPlace(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string PlaceType, string? Country, string? PartOf)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedOrganization(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string OrgType, string? Country)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedEvent(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string EventType, SeedFuzzyDate? Date, string? Place, IReadOnlyList<string> Participants, string? PartOf)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedAgreement(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string AgreementType, SeedFuzzyDate? Date, IReadOnlyList<string> Parties, string? Event, IReadOnlyList<string> Areas)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedBorderCrossing(
    string Id, string Name, IReadOnlyList<SeedAlias> Aliases, string Description, IReadOnlyList<SeedEvidence> Evidence,
    string Status, IReadOnlyList<string> Countries, IReadOnlyList<string> Connects, SeedFuzzyDate? Opened)
    : SeedEntity(Id, Name, Aliases, Description, Evidence);

public sealed record SeedFact(
    string Id, string Subject, string Predicate, string? Object, string? Value, SeedFuzzyDate? Date,
    string Modality, string? Attribution, string? Note, IReadOnlyList<SeedEvidence> Evidence);

public sealed record SeedObservation(
    string Id, string Metric, IReadOnlyList<string> Subjects, decimal Value, string Unit, string Comparator,
    SeedFuzzyDate? Period, string Modality, string? Attribution, string? Note, IReadOnlyList<SeedEvidence> Evidence);

public sealed record SeedNotFact(string Source, string Term, string Type, string Reason);

public sealed record SeedClaimOperand(string Role, string Record);

public sealed record SeedClaim(
    string Id, string Source, string Quote, IReadOnlyList<string> Subjects, string Rule, string Unit, decimal Value, string Qualifier,
    IReadOnlyList<SeedClaimOperand> Operands, string? Missing, string? Note, int? Occurrence = null);

public sealed record SeedClaimQualifier(
    string Id, string Label, string Description, decimal LowerFactor, bool LowerInclusive, decimal? UpperFactor, bool UpperInclusive);

public sealed record SeedCoverageNote(string Source, string Quote, string Kind, string? Reason, string? Note, int? Occurrence = null);
