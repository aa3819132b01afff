namespace Q7x2.Data.Entities;

/// <summary>
/// A curator's note on how a source is covered, keyed by a quote in the source (so that it holds whatever the sentence
/// splitting rule does): why the sentence around the quote yields no record (<see cref="Reason"/>), or where the rule splits
/// the text wrongly (a <c>join</c>: the sentences the quote touches are one; a <c>split</c>: a sentence starts at the quote).
/// </summary>
public sealed class CoverageNote
{
    public required string SourceId { get; set; }
    public int Position { get; set; }

    /// <summary><c>reason</c>, <c>join</c> or <c>split</c> (<see cref="CoverageNotes"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>For a reason: heading, opinion, colour, repetition or framing (<see cref="CoverageNotes.Reasons"/>).</summary>
    public string? Reason { get; set; }
    public string? Note { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public required string Exact { get; set; }
}

public static class CoverageNotes
{
    public const string Reason = "reason";
    public const string Join = "join";
    public const string Split = "split";

    public static readonly IReadOnlyList<string> Kinds = [Reason, Join, Split];

    /// <summary>Why a sentence yields no record.</summary>
    public static readonly IReadOnlyList<string> Reasons = ["heading", "opinion", "colour", "repetition", "framing"];
}
