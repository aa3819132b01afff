using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Where <see cref="SeedLoader.Read"/> hands the records of a seed folder, as database records with their evidence
/// located, in an order in which every record comes after the records it references: sources, predicates, every entity,
/// then each fact and each observation as it is read, then the claims. Records are handed on only while no error has been found; whether
/// the whole seed is valid is known only when <see cref="SeedLoader.Read"/> returns (it throws otherwise).
/// </summary>
public interface ISeedSink
{
    /// <summary>The sources, with the curated notes on their coverage (each source's in file order).</summary>
    void Sources(IReadOnlyList<Source> sources, IReadOnlyList<CoverageNote> notes);

    void Predicates(IReadOnlyList<Predicate> predicates);

    /// <summary>Every entity, with the file it came from and its JSON path there.</summary>
    void Entities(IReadOnlyList<SeedLocated<Entity>> entities);

    void Fact(Fact fact, int index);

    void Observation(Observation observation, int index);

    /// <summary>The qualifiers and the claims, after every other record (a claim rests on any of them).</summary>
    void Claims(IReadOnlyList<ClaimQualifier> qualifiers, IReadOnlyList<Claim> claims);
}

/// <summary>A record with the file and JSON path it came from.</summary>
public sealed record SeedLocated<T>(T Record, string File, string Path);
