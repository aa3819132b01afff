namespace Q7x2.Api.Features.Sources;

/// <summary>How much of a source became data: each sentence with the records whose evidence falls in it, or why it yields none.</summary>
/// <param name="Source">The source's id.</param>
/// <param name="Rule">The rule the text is split into sentences by (curated joins and splits correct it).</param>
/// <param name="Total">How many sentences the source has.</param>
/// <param name="WithData">Sentences with at least one record's evidence in them.</param>
/// <param name="WithReason">Sentences without records that have a curated reason.</param>
/// <param name="Uncovered">Sentences with neither.</param>
/// <param name="Coverage">(withData + withReason) / total, from 0 to 1 (1 for a source with no sentences).</param>
/// <param name="Sentences">The sentences in text order.</param>
public sealed record SourceCoverageResponse(
    string Source, string Rule, int Total, int WithData, int WithReason, int Uncovered, decimal Coverage, IReadOnlyList<SentenceCoverageResponse> Sentences);

/// <summary>One sentence of a source and what covers it.</summary>
/// <param name="Index">Its position among the source's sentences, from 0.</param>
/// <param name="Start">Its first code point in the source text.</param>
/// <param name="End">The code point after it.</param>
/// <param name="Text">The sentence; null when the source's terms keep its text from being redistributed.</param>
/// <param name="Status">`data` (records' evidence falls in it), `reason` (none, but a curated reason says why) or `uncovered`.</param>
/// <param name="Records">The records whose evidence overlaps it, each once, in the order their evidence starts.</param>
/// <param name="Reasons">The curated reasons whose quote falls in it.</param>
public sealed record SentenceCoverageResponse(
    int Index, int Start, int End, string? Text, string Status, IReadOnlyList<EvidenceOwner> Records, IReadOnlyList<CoverageReasonResponse> Reasons);

/// <summary>Why a sentence yields no record, keyed by a quote in it.</summary>
/// <param name="Reason">heading, opinion, colour, repetition or framing.</param>
/// <param name="Note">The curator's words.</param>
/// <param name="Exact">The quote the reason is keyed by.</param>
/// <param name="Start">The quote's first code point.</param>
/// <param name="End">The code point after the quote.</param>
public sealed record CoverageReasonResponse(string Reason, string? Note, string Exact, int Start, int End);
