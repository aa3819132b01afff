using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

/// <summary>The whole desired state a seed folder describes, as database records, evidence offsets computed.</summary>
public sealed record SeedSet(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Predicate> Predicates,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<SeedNotFact> NotFacts,
    IReadOnlyList<ClaimQualifier> Qualifiers,
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<CoverageNote> CoverageNotes);
