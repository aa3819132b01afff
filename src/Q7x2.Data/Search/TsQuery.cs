using Npgsql;
using NpgsqlTypes;

namespace Q7x2.Data.Search;

/// <summary>
/// Compiles a parsed <see cref="SearchQuery"/> to a PostgreSQL <c>tsquery</c> expression. User text only ever reaches
/// <c>phraseto_tsquery</c> (which reads plain text, no operators) or <c>to_tsquery</c> as one quoted word of word characters, always
/// as a parameter; the operators (<c>&amp;&amp;</c>, <c>||</c>, <c>tsquery_phrase</c>, <c>:*</c>) are what this class writes.
/// </summary>
internal sealed class TsQuery
{
    /// <summary>The text search configuration the SearchIndex migration made: the default parser, unaccent, then lower case.</summary>
    public const string Configuration = "search_text";

    private readonly List<NpgsqlParameter> _parameters = [];

    private TsQuery()
    {
    }

    /// <summary>The SQL expression of type tsquery.</summary>
    public string Sql { get; private set; } = "";

    /// <summary>
    /// Any one term of the query (its terms joined by OR): what SQLite's highlight() marks in a column, so the text of one alias or
    /// evidence quote can be said to match where the whole query may not.
    /// </summary>
    public string AnyTerm { get; private set; } = "";

    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    public static TsQuery Match(SearchQuery query)
    {
        var compiled = new TsQuery();
        var groups = query.Groups.Select(group => group.Select(compiled.Term).ToList()).ToList();
        compiled.Sql = string.Join(" && ", groups.Select(terms => terms.Count == 1 ? terms[0] : $"({string.Join(" || ", terms)})"));
        compiled.AnyTerm = string.Join(" || ", groups.SelectMany(terms => terms));
        return compiled;
    }

    /// <summary>A word sequence starting with the prefix (its last word may go on).</summary>
    public static TsQuery NamePrefix(string prefix)
    {
        var compiled = new TsQuery();
        compiled.Sql = compiled.AnyTerm = compiled.Term(new SearchTerm(SearchQuery.Clean(prefix), Prefix: true));
        return compiled;
    }

    /// <summary>
    /// A term is its words in order, split where the index splits them on SQLite (at every character that is no letter or digit).
    /// PostgreSQL's parser also indexes a hyphenated word, a host name or a decimal number whole (as well as the parts of a
    /// hyphenated word), so a term written with such punctuation also matches as PostgreSQL parses it.
    /// </summary>
    private string Term(SearchTerm term)
    {
        var words = SearchQuery.Words(term.Text);
        if (!term.Prefix)
        {
            var phrase = Phrase(string.Join(' ', words));
            var parsed = string.Join(' ', term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return parsed == string.Join(' ', words) ? phrase : $"({phrase} || {Phrase(parsed)})";
        }

        var last = $"to_tsquery('{Configuration}', {Parameter($"'{words[^1]}':*")})";
        return words.Count == 1 ? last : $"tsquery_phrase({Phrase(string.Join(' ', words.SkipLast(1)))}, {last})";
    }

    private string Phrase(string text) => $"phraseto_tsquery('{Configuration}', {Parameter(text)})";

    private string Parameter(string value)
    {
        var name = $"@q{_parameters.Count}";
        _parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
        return name;
    }
}
