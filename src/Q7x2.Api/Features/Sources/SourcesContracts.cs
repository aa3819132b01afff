using Q7x2.Api.Features.Common;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Sources;

/// <summary>A source document, without its text.</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Title">Title as published.</param>
/// <param name="Publisher">Publisher, when the source names it.</param>
/// <param name="Language">BCP 47 language tag.</param>
/// <param name="Published">When it was published.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the stored UTF-8 text.</param>
/// <param name="CharCount">Length of the text in Unicode code points, the unit of evidence offsets.</param>
/// <param name="License">The licence the source is published under (an SPDX id or the publisher's words); null when unknown.</param>
/// <param name="RightsHolder">Who holds the rights to the source; null when unknown.</param>
/// <param name="Url">Where the source is published; null when unknown.</param>
/// <param name="TextRedistributable">
/// Whether the API serves the full text. When false the text is withheld (the detail's `text` is null, the dump leaves it
/// out), while every quote and its offsets are still served.
/// </param>
public sealed record SourceSummary(
    string Id, string Title, string? Publisher, string Language, FuzzyDateResponse? Published, string Sha256, int CharCount,
    string? License, string? RightsHolder, string? Url, bool TextRedistributable)
{
    public static SourceSummary Of(Source s) =>
        new(s.Id, s.Title, s.Publisher, s.Language, FuzzyDateResponse.Of(s.Published), s.Sha256, s.CharCount, s.License, s.RightsHolder, s.Url,
            s.TextRedistributable);
}

/// <summary>A source document with its full text.</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Title">Title as published.</param>
/// <param name="Publisher">Publisher, when the source names it.</param>
/// <param name="Language">BCP 47 language tag.</param>
/// <param name="Published">When it was published.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the stored UTF-8 text.</param>
/// <param name="CharCount">Length of the text in Unicode code points, the unit of evidence offsets.</param>
/// <param name="License">The licence the source is published under (an SPDX id or the publisher's words); null when unknown.</param>
/// <param name="RightsHolder">Who holds the rights to the source; null when unknown.</param>
/// <param name="Url">Where the source is published; null when unknown.</param>
/// <param name="TextRedistributable">Whether the API serves the full text; when false, `text` is null (quotes and offsets are still served).</param>
/// <param name="Text">The stored text, evidence offsets index into it by code point; null when its terms keep it from being redistributed.</param>
public sealed record SourceDetail(
    string Id, string Title, string? Publisher, string Language, FuzzyDateResponse? Published, string Sha256, int CharCount,
    string? License, string? RightsHolder, string? Url, bool TextRedistributable, string? Text)
{
    public static SourceDetail Of(Source s) =>
        new(s.Id, s.Title, s.Publisher, s.Language, FuzzyDateResponse.Of(s.Published), s.Sha256, s.CharCount, s.License, s.RightsHolder, s.Url,
            s.TextRedistributable, s.TextRedistributable ? s.Text : null);
}
