namespace Q7x2.Data.Search;

/// <summary>
/// Compiles a parsed <see cref="SearchQuery"/> to an FTS5 MATCH expression. Every term becomes a quoted
/// string — inside one, FTS5 treats everything but the quote itself as text for the tokenizer — so the
/// only syntax the expression holds is what this class writes: AND, OR, parentheses and <c>*</c>.
/// </summary>
internal static class Fts5Query
{
    public static string Match(SearchQuery query) => string.Join(" AND ", query.Groups.Select(group =>
        group.Count == 1 ? Term(group[0]) : $"({string.Join(" OR ", group.Select(Term))})"));

    /// <summary>The query, matched within names and aliases only.</summary>
    public static string InNames(SearchQuery query) => $"{{Name Aliases}} : ({Match(query)})";

    /// <summary>Names and aliases holding a word sequence that starts with the prefix (its last word may go on).</summary>
    public static string NamePrefix(string prefix) => $"{{Name Aliases}} : {Term(new SearchTerm(SearchQuery.Clean(prefix), Prefix: true))}";

    private static string Term(SearchTerm term) =>
        $"\"{term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"{(term.Prefix ? "*" : "")}";
}
