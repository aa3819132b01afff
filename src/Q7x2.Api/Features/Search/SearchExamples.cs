using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Q7x2.Api.Features.Search;

/// <summary>The OpenAPI descriptions and examples of the search operations, taken from the seeded article.</summary>
internal static class SearchExamples
{
    public const string SearchDescription = """
        Ranked full-text search over entity names, aliases and former names, descriptions, the text of facts and
        observations, and their evidence quotes.

        **Query language.** Plain words must all match (`japarov visit`); `"quoted phrases"` match words in order;
        `word*` matches words that start with `word` (`tajik*` finds Tajikistan and Tajik); an uppercase `OR`
        between two terms matches either (`trade OR minerals`). Anything else (`AND`, `NOT`, `NEAR`, parentheses,
        colons, an unbalanced quote) is literal text, punctuation only separates words, and case and diacritics
        are ignored. An empty `q`, one over 200 characters, or one without a letter or digit is a 400 problem
        naming `q`.

        **Ranking.** BM25 with names weighted over aliases over descriptions over evidence quotes, plus a boost
        when the whole query matches within a name or alias: `Jirgatal` (a former name) finds Lakhsh district first.

        **Hits.** `snippet` is HTML-escaped text with the matched words in `<mark>` elements. `evidence` is the
        quote that matched, with its span in the source in Unicode code points, when the match was in one.
        Keyset paging by score: follow `next` (or `Link: rel="next"`) with the same `q` and `kind`.
        """;

    public const string SuggestDescription = """
        Type-ahead over entity names, aliases and former names: entities with a word sequence starting with
        `prefix` (`sadyr j` finds Sadyr Japarov, `jir` finds Lakhsh district by its former name Jirgatal).
        Best first: a name or alias that starts with the prefix before one where a later word does, then the
        shortest, a name before an alias. `matched` is the name or alias that matched. Case and diacritics are
        ignored; an empty prefix, one over 100 characters, or one without a letter or digit is a 400 problem.
        """;

    public static Task DescribeSearch(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        Parameter(operation, "q", new()
        {
            ["person"] = Example("A surname", "japarov"),
            ["former-name"] = Example("A former name finds the entity", "Jirgatal"),
            ["phrase"] = Example("Words in this order", "\"free economic zones\""),
            ["prefix"] = Example("Words starting with tajik", "tajik*"),
            ["or"] = Example("Either word", "trade OR minerals"),
        });
        Parameter(operation, "kind", new() { ["fact"] = Example("Facts only", "fact") });
        Response(operation, "200", "application/json", new()
        {
            ["former-name"] = Example("q=Jirgatal&limit=2", """
                {
                  "items": [
                    {
                      "type": "entity", "id": "lakhsh-district", "kind": "place", "name": "Lakhsh district", "modality": null,
                      "score": 12.0579,
                      "snippet": "District of Tajikistan, formerly <mark>Jirgatal</mark>, connected to Kyrgyzstan’s Chong-Alai district by the Tajvaron-Karamyk…",
                      "evidence": { "sourceId": "kyrgyz-president-visits-tajikistan", "start": 3200, "end": 3249,
                        "exact": "Tajikistan’s Lakhsh (formerly Jirgatal) districts" }
                    },
                    {
                      "type": "entity", "id": "chong-alai-district", "kind": "place", "name": "Chong-Alai district", "modality": null,
                      "score": 3.9679,
                      "snippet": "Kyrgyzstan’s Chong-Alai and Tajikistan’s Lakhsh (formerly <mark>Jirgatal</mark>) districts",
                      "evidence": { "sourceId": "kyrgyz-president-visits-tajikistan", "start": 3172, "end": 3249,
                        "exact": "Kyrgyzstan’s Chong-Alai and Tajikistan’s Lakhsh (formerly Jirgatal) districts" }
                    }
                  ],
                  "next": "azo1ZjhmMjA0MmYxYTI0MzRlfjMuOTY3ODU2OTU2MTc0NTN-Y2hvbmctYWxhaS1kaXN0cmljdA"
                }
                """),
            ["discussed-fact"] = Example("q=\"free economic zones\"&kind=fact&limit=1", """
                {
                  "items": [
                    {
                      "type": "fact", "id": "talks-discussed-free-economic-zones", "kind": "fact",
                      "name": "Japarov-Rahmon talks in Dushanbe, July 2025 – discussed – the creation of free economic zones along the border",
                      "modality": "discussed", "score": 6.3205,
                      "snippet": "Japarov-Rahmon talks in Dushanbe, July 2025 – discussed – the creation of <mark>free economic zones</mark> along the…",
                      "evidence": { "sourceId": "kyrgyz-president-visits-tajikistan", "start": 4119, "end": 4205,
                        "exact": "Rahmon and Japarov also discussed the creation of free economic zones along the border" }
                    }
                  ],
                  "next": "azpmOWUzNGQ1NzdkZDFlYWY1fjYuMzIwNTE5MTgxMzE1MTkyfnRhbGtzLWRpc2N1c3NlZC1mcmVlLWVjb25vbWljLXpvbmVz"
                }
                """),
        });
        Response(operation, "400", "application/problem+json", new()
        {
            ["nothing-to-search"] = Example("q=()", """
                {
                  "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                  "title": "One or more query parameters are invalid.",
                  "status": 400,
                  "instance": "/v1/search",
                  "errors": { "q": [ "'q' has nothing to search for: give at least one word of letters or digits." ] },
                  "traceId": "00-3cf6bf743c6e22e6c352d7cc1874e6d4-ff0a0a69de8ff8c4-00"
                }
                """),
        });
        return Task.CompletedTask;
    }

    public static Task DescribeSuggest(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        Parameter(operation, "prefix", new()
        {
            ["former-name"] = Example("The start of a former name", "jir"),
            ["name"] = Example("The start of a full name", "sadyr j"),
        });
        Response(operation, "200", "application/json", new()
        {
            ["former-name"] = Example("prefix=jir", """
                { "items": [ { "id": "lakhsh-district", "kind": "place", "name": "Lakhsh district", "matched": "Jirgatal" } ] }
                """),
        });
        return Task.CompletedTask;
    }

    private static OpenApiExample Example(string summary, string value) =>
        new() { Summary = summary, Value = value.TrimStart().StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value) };

    private static void Parameter(OpenApiOperation operation, string name, Dictionary<string, IOpenApiExample> examples)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.Name == name) is OpenApiParameter parameter)
        {
            parameter.Examples = examples;
        }
    }

    private static void Response(OpenApiOperation operation, string status, string mediaType, Dictionary<string, IOpenApiExample> examples)
    {
        if (operation.Responses is { } responses && responses.TryGetValue(status, out var response)
            && response.Content is { } content && content.TryGetValue(mediaType, out var media))
        {
            media.Examples = examples;
        }
    }
}
