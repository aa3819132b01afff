using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Search;

/// <summary>Query parameters of <c>GET /v1/search</c>.</summary>
public sealed record SearchParameters
{
    public const int MaxLimit = 100;

    /// <summary>What to search for, 1 to 200 characters: words (all must match), "quoted phrases", <c>word*</c> for words starting with
    /// <c>word</c>, and <c>OR</c> between alternatives. Anything else is literal text; case and diacritics are ignored.</summary>
    [FromQuery(Name = "q")]
    [Description("What to search for, 1 to 200 characters: words (all must match), \"quoted phrases\", `word*` for words starting with `word`, "
        + "and `OR` between alternatives. Anything else is literal text; case and diacritics are ignored.")]
    public string? Q { get; init; }

    /// <summary>Only hits of this kind: person, country, place, organization, event, agreement, border-crossing, fact or observation.</summary>
    [FromQuery(Name = "kind")]
    [Description("Only hits of this kind: person, country, place, organization, event, agreement, border-crossing, fact or observation.")]
    public string? Kind { get; init; }

    /// <summary>Hits per page, 1 to 100 (default 20).</summary>
    [FromQuery(Name = "limit")]
    [Description("Hits per page, 1 to 100 (default 20).")]
    public int? Limit { get; init; }

    /// <summary>The opaque cursor from a previous page's <c>next</c>, with the same <c>q</c> and <c>kind</c>; leave out for the first page.</summary>
    [FromQuery(Name = "cursor")]
    [Description("The opaque cursor from a previous page's `next`, with the same `q` and `kind`; leave out for the first page.")]
    public string? Cursor { get; init; }
}

/// <summary>Query parameters of <c>GET /v1/search/suggest</c>.</summary>
public sealed record SuggestParameters
{
    public const int MaxLength = 100;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 20;

    /// <summary>What the user has typed so far, 1 to 100 characters; matches names and aliases with a word sequence starting with it.</summary>
    [FromQuery(Name = "prefix")]
    [Description("What the user has typed so far, 1 to 100 characters; matches names and aliases with a word sequence starting with it.")]
    public string? Prefix { get; init; }

    /// <summary>Only entities of this kind: person, country, place, organization, event, agreement or border-crossing.</summary>
    [FromQuery(Name = "kind")]
    [Description("Only entities of this kind: person, country, place, organization, event, agreement or border-crossing.")]
    public string? Kind { get; init; }

    /// <summary>How many suggestions, 1 to 20 (default 10).</summary>
    [FromQuery(Name = "limit")]
    [Description("How many suggestions, 1 to 20 (default 10).")]
    public int? Limit { get; init; }
}

/// <summary>A search hit: an entity, fact or observation.</summary>
/// <param name="Type">entity, fact or observation.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Kind">The entity's kind (person, place…), or fact / observation; the values the <c>kind</c> filter takes.</param>
/// <param name="Name">The entity's name, or a readable line for a fact (subject – predicate – object) or an observation (metric – subjects). Plain text.</param>
/// <param name="Modality">For facts and observations: stated, reported, proposed, discussed, hoped or assessed. Null for entities.</param>
/// <param name="Score">Relevance, higher is better; comparable between hits of one search only.</param>
/// <param name="Snippet">The best-matching text (name, aliases, description or evidence quotes), HTML-escaped, with the matched words in HTML mark elements; an ellipsis where text is cut.</param>
/// <param name="Evidence">The evidence quote that matched, when one did: cite it by its span in the source.</param>
public sealed record SearchHitResponse(
    string Type, string Id, string Kind, string Name, string? Modality, double Score, string Snippet, EvidenceQuoteResponse? Evidence)
{
    public static SearchHitResponse Of(SearchHit hit) => new(hit.Type, hit.Id, hit.Kind, hit.Name, hit.Modality,
        Math.Round(hit.Score, 4), Marks.ToHtml(hit.Snippet),
        hit.Evidence is { } v ? new EvidenceQuoteResponse(v.SourceId, v.Start, v.End, v.Exact) : null);
}

/// <summary>An evidence quote.</summary>
/// <param name="SourceId">The source it is quoted from.</param>
/// <param name="Start">Start in the source text, in Unicode code points.</param>
/// <param name="End">End in the source text, in code points, exclusive.</param>
/// <param name="Exact">The exact words of the source (plain text).</param>
public sealed record EvidenceQuoteResponse(string SourceId, int Start, int End, string Exact);

/// <summary>Type-ahead suggestions, best first.</summary>
/// <param name="Items">At most <c>limit</c> suggestions.</param>
public sealed record SuggestionList(IReadOnlyList<SuggestionResponse> Items);

/// <summary>An entity whose name or alias matches what the user typed.</summary>
/// <param name="Id">The entity's id.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Name">Its name.</param>
/// <param name="Matched">The name or alias that matched: differs from <c>name</c> when an alias or former name did ("Jirgatal" for Lakhsh district).</param>
public sealed record SuggestionResponse(string Id, string Kind, string Name, string Matched)
{
    public static SuggestionResponse Of(Suggestion s) => new(s.Id, s.Kind, s.Name, s.Matched);
}

/// <summary>Turns the index's match markers into HTML.</summary>
internal static class Marks
{
    /// <summary>Escapes the text for HTML and turns the markers into &lt;mark&gt; elements.</summary>
    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        foreach (var c in marked)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when c == SearchMarks.Open[0] => "<mark>",
                _ when c == SearchMarks.Close[0] => "</mark>",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }
}
