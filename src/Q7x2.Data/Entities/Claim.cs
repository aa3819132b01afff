namespace Q7x2.Data.Entities;

/// <summary>
/// A quantitative or temporal claim a source makes ("15 times more", "nearly two months after"): the figure it states with its
/// qualifier, the rule that recomputes the figure from other records, and the quote that makes it. The status is computed when it
/// is read, from the records as they stand then; a claim that has nothing independent to compute from says what is missing.
/// Claims are curated in the seed only: curators cannot write them through the API.
/// </summary>
public sealed class Claim
{
    public required string Id { get; set; }
    public required string SourceId { get; set; }

    /// <summary>ratio, difference, duration, count or bound (<see cref="ClaimRules"/>).</summary>
    public required string Rule { get; set; }

    /// <summary>The unit of the stated figure and of the computed one: a difference's day, month, year or calendar-year, times for a ratio.</summary>
    public required string Unit { get; set; }

    public decimal StatedValue { get; set; }
    public required string QualifierId { get; set; }

    /// <summary>What the claim would need to be checked and the sources do not give; set, the claim is unverifiable.</summary>
    public string? Missing { get; set; }
    public string? Note { get; set; }

    // The quote that makes the claim, located in the source as evidence is (code points, end exclusive).
    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
    public required string Prefix { get; set; }
    public required string Suffix { get; set; }

    public List<ClaimOperand> Operands { get; set; } = [];
    public List<ClaimSubject> Subjects { get; set; } = [];
}

/// <summary>A record a claim rests on, in a role of its rule (numerator, from, counted…; stated for the record that holds its figure).</summary>
/// <remarks>The record may be an entity, a fact or an observation: no foreign key; one that is gone makes the claim unverifiable.</remarks>
public sealed class ClaimOperand
{
    public required string ClaimId { get; set; }
    public int Position { get; set; }
    public required string Role { get; set; }
    public required string RecordId { get; set; }
}

/// <summary>An entity a claim is about (the <c>subject</c> filter of the claims list).</summary>
public sealed class ClaimSubject
{
    public required string ClaimId { get; set; }
    public required string EntityId { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// What a qualifier of a stated figure allows ("nearly", "more than"…): the range of figures that agree with a stated figure
/// <c>n</c>, as factors of <c>n</c>: from <c>n × LowerFactor</c> to <c>n × UpperFactor</c> (no upper factor: no upper bound).
/// </summary>
public sealed class ClaimQualifier
{
    public required string Id { get; set; }
    public required string Label { get; set; }
    public required string Description { get; set; }
    public decimal LowerFactor { get; set; }
    public bool LowerInclusive { get; set; }
    public decimal? UpperFactor { get; set; }
    public bool UpperInclusive { get; set; }
}

/// <summary>The rules a claim can be checked by, and the roles of the records each takes.</summary>
public static class ClaimRules
{
    public const string Ratio = "ratio";
    public const string Difference = "difference";
    public const string Duration = "duration";
    public const string Count = "count";
    public const string Bound = "bound";

    /// <summary>The role of the records that hold the claim's own figure (shown, never computed from).</summary>
    public const string Stated = "stated";

    public static readonly IReadOnlyList<string> All = [Ratio, Difference, Duration, Count, Bound];

    /// <summary>Each rule's roles, each with how many records it takes: exactly one, or (for count) one or more.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Roles = new Dictionary<string, IReadOnlyList<string>>
    {
        [Ratio] = ["numerator", "denominator"],
        [Difference] = ["from", "to"],
        [Duration] = ["of"],
        [Count] = ["counted"],
        [Bound] = ["value"],
    };

    /// <summary>The units each rule's figure can have.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Units = new Dictionary<string, IReadOnlyList<string>>
    {
        [Ratio] = ["times"],
        [Difference] = ["day", "month", "year", "calendar-year"],
        [Duration] = ["day"],
        [Count] = ["count"],
        [Bound] = Quantity.Units,
    };
}
