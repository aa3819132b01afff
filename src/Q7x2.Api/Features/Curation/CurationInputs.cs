using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// A write body in the API's own terms. It maps to and from the seed file's shape, whose validation and conversion to
/// database records it shares, so a record reads the same through the API and in seed/.
/// </summary>
internal interface ICuratedInput<TSelf, TSeed>
    where TSelf : ICuratedInput<TSelf, TSeed>
{
    string Id { get; }

    IReadOnlyList<EvidenceInput> Evidence { get; }

    /// <summary>The value-typed members a body of this type must send.</summary>
    static abstract RequiredValues Required { get; }

    /// <summary>The ids of the records it points at (entities, predicates), for the checks of their kinds.</summary>
    IEnumerable<string?> References();

    TSeed ToSeed();

    static abstract TSelf FromSeed(TSeed seed);
}

/// <summary>Evidence for a record: a quote from a stored source; the server finds its offsets.</summary>
/// <param name="Source">The id of the source that is quoted.</param>
/// <param name="Exact">The exact words of the source.</param>
/// <param name="Occurrence">Which occurrence (1-based, at most 1,000,000) when the quote occurs more than once; leave out otherwise.</param>
public sealed record EvidenceInput(string Source, string Exact, int? Occurrence = null)
{
    internal static List<SeedEvidence> ToSeed(IReadOnlyList<EvidenceInput>? evidence) =>
        [.. (evidence ?? []).Select(e => e is null ? null! : new SeedEvidence(e.Source, e.Exact, e.Occurrence))];

    internal static List<EvidenceInput> Of(IReadOnlyList<SeedEvidence> evidence) =>
        [.. evidence.Select(e => e is null ? null! : new EvidenceInput(e.Source, e.Exact, e.Occurrence))];
}

/// <summary>A date as the source states it, and the interval it means.</summary>
/// <param name="Text">The words of the source, e.g. "late April 2021".</param>
/// <param name="From">First day of the interval (ISO 8601).</param>
/// <param name="To">Last day of the interval (ISO 8601).</param>
/// <param name="Precision">day, month, year…</param>
/// <param name="Qualifier">early, mid, late, before, after… when the text says so.</param>
/// <param name="Basis">stated, or inferred when the source leaves part of it implicit.</param>
/// <param name="Note">Why an inferred date is what it is.</param>
public sealed record FuzzyDateInput(
    string Text, DateOnly From, DateOnly To, string Precision, string? Qualifier = null, string Basis = "stated", string? Note = null)
{
    internal static RequiredValues Required { get; } = new(["from", "to"], new Dictionary<string, RequiredValues>());

    internal static SeedFuzzyDate? ToSeed(FuzzyDateInput? d) =>
        d is null ? null : new SeedFuzzyDate(d.Text, d.From, d.To, d.Precision, d.Qualifier, d.Basis, d.Note);

    internal static FuzzyDateInput? Of(SeedFuzzyDate? d) =>
        d is null ? null : new FuzzyDateInput(d.Text, d.From, d.To, d.Precision, d.Qualifier, d.Basis, d.Note);
}

/// <summary>Another name of an entity.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Type">alias, former-name or demonym.</param>
public sealed record AliasInput(string Name, string Type)
{
    internal static List<SeedAlias> ToSeed(IReadOnlyList<AliasInput>? aliases) =>
        [.. (aliases ?? []).Select(a => a is null ? null! : new SeedAlias(a.Name, a.Type))];

    internal static List<AliasInput> Of(IReadOnlyList<SeedAlias> aliases) => [.. aliases.Select(a => a is null ? null! : new AliasInput(a.Name, a.Type))];
}
