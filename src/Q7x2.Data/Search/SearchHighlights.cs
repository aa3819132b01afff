namespace Q7x2.Data.Search;

/// <summary>
/// What every engine makes of what matched: the evidence quote of a hit, given its index among the record's quotes, and which name
/// or alias of an entity a suggestion matched and how well, from the names and aliases with their matched words marked.
/// </summary>
internal static class SearchHighlights
{
    /// <summary>Aliases and quotes are joined with the unit separator in the index (the SearchDocuments views).</summary>
    public const string ItemSeparator = "\u001F";

    /// <summary>For each owner with a matched quote index, that quote of its evidence (in position order, the order indexed).</summary>
    public static Dictionary<string, SearchEvidence> PickQuotes(IReadOnlyDictionary<string, int> matched, IEnumerable<Quote> evidence)
    {
        var quotes = new Dictionary<string, SearchEvidence>(StringComparer.Ordinal);
        foreach (var owner in evidence.GroupBy(v => v.Owner, StringComparer.Ordinal))
        {
            if (owner.ElementAtOrDefault(matched[owner.Key]) is { } quote)
            {
                quotes[owner.Key] = new SearchEvidence(quote.SourceId, quote.Start, quote.End, quote.Exact);
            }
        }

        return quotes;
    }

    /// <summary>
    /// Suggestions from the candidates' highlighted names and aliases: a name or alias that starts with the prefix first, then the
    /// shortest, a name before an alias; then by name and id.
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggestions(IEnumerable<SuggestionCandidate> candidates, int take) => [.. candidates
        .Select(c => (Row: c, Best: BestMatch(c)))
        .Where(c => c.Best is not null)
        .OrderBy(c => c.Best!.Value.Rank)
        .ThenBy(c => c.Row.Name, StringComparer.Ordinal)
        .ThenBy(c => c.Row.Id, StringComparer.Ordinal)
        .Take(take)
        .Select(c => new Suggestion(c.Row.Id, c.Row.Kind, c.Row.Name, c.Best!.Value.Text))];

    /// <summary>The entity's name or alias that matches best, with its rank (lower is better).</summary>
    private static (string Text, (int Starts, int Length, int IsAlias) Rank)? BestMatch(SuggestionCandidate row)
    {
        var items = (row.MarkedAliases?.Split(ItemSeparator) ?? []).Select(alias => (Marked: alias, IsAlias: 1))
            .Prepend((Marked: row.MarkedName, IsAlias: 0));
        (string Text, (int, int, int) Rank)? best = null;
        foreach (var (marked, isAlias) in items)
        {
            if (!marked.Contains(SearchMarks.Open, StringComparison.Ordinal))
            {
                continue;
            }

            var text = marked.Replace(SearchMarks.Open, "", StringComparison.Ordinal).Replace(SearchMarks.Close, "", StringComparison.Ordinal);
            var rank = (marked.StartsWith(SearchMarks.Open, StringComparison.Ordinal) ? 0 : 1, text.Length, isAlias);
            if (best is null || rank.CompareTo(best.Value.Rank) < 0)
            {
                best = (text, rank);
            }
        }

        return best;
    }

    /// <summary>An evidence quote of a record (the owner): entity, fact or observation.</summary>
    public sealed record Quote(string Owner, string SourceId, int Start, int End, string Exact);

    /// <summary>An entity found for a prefix, with its name and aliases highlighted.</summary>
    public sealed class SuggestionCandidate
    {
        public required string Id { get; init; }
        public required string Kind { get; init; }
        public required string Name { get; init; }
        public required string MarkedName { get; init; }
        public string? MarkedAliases { get; init; }
    }
}
