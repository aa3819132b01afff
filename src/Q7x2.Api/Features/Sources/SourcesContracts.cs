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
public sealed record SourceSummary(
    string Id, string Title, string? Publisher, string Language, FuzzyDateResponse? Published, string Sha256, int CharCount)
{
    public static SourceSummary Of(Source s) =>
        new(s.Id, s.Title, s.Publisher, s.Language, FuzzyDateResponse.Of(s.Published), s.Sha256, s.CharCount);
}

/// <summary>A source document with its full text.</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Title">Title as published.</param>
/// <param name="Publisher">Publisher, when the source names it.</param>
/// <param name="Language">BCP 47 language tag.</param>
/// <param name="Published">When it was published.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the stored UTF-8 text.</param>
/// <param name="CharCount">Length of the text in Unicode code points, the unit of evidence offsets.</param>
/// <param name="Text">The stored text; evidence offsets index into it by code point.</param>
public sealed record SourceDetail(
    string Id, string Title, string? Publisher, string Language, FuzzyDateResponse? Published, string Sha256, int CharCount, string Text);
