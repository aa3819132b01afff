using System.Globalization;
using System.Text;

namespace Q7x2.Data.Search;

/// <summary>A word or a quoted phrase; <see cref="Prefix"/> when its last word may be the start of a longer one (<c>tajik*</c>).</summary>
public sealed record SearchTerm(string Text, bool Prefix);

/// <summary>
/// A user's search text, parsed into an engine-neutral form: every group must match (AND), and a group
/// matches when any of its terms does (OR). Each engine compiles it to its own syntax, so no user input
/// ever reaches an engine's query parser.
/// </summary>
/// <remarks>
/// The language: plain words (all must match), <c>"quoted phrases"</c>, <c>word*</c> for a prefix, and an
/// uppercase <c>OR</c> between two terms. Everything else — <c>AND</c>, <c>NOT</c>, <c>NEAR</c>, parentheses,
/// colons, carets, an unbalanced quote — is literal text, and characters that are neither letters nor
/// digits only separate words, as they do in the index.
/// </remarks>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    /// <summary>At most this many terms (words, quoted phrases, prefixes; OR does not count): each term is a lookup and a merge.</summary>
    public const int MaxTerms = 16;

    /// <summary>A prefix term needs this many letters or digits before <c>*</c>: <c>a*</c> would match most of the index.</summary>
    public const int MinPrefixLength = 2;

    private const string Or = "OR";

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> groups) => Groups = groups;

    /// <summary>The groups that must all match; the terms of a group are alternatives.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; }

    /// <summary>True when the text held nothing to search for (no letter or digit).</summary>
    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every term of every group.</summary>
    public IEnumerable<SearchTerm> Terms => Groups.SelectMany(g => g);

    /// <summary>The prefix terms whose last word is shorter than <see cref="MinPrefixLength"/> letters or digits.</summary>
    public IEnumerable<SearchTerm> ShortPrefixes => Terms.Where(t => t.Prefix && LastWordLength(t.Text) < MinPrefixLength);

    /// <summary>The length in word characters of the last word of a term, the one a <c>*</c> extends.</summary>
    private static int LastWordLength(string text)
    {
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            length = IsWordCharacter(Rune.GetUnicodeCategory(rune)) ? length + 1 : 0;
        }

        return length;
    }

    /// <summary>Parses any text without failing: what is not the query language is literal text, or only separates words.</summary>
    public static SearchQuery Parse(string? text)
    {
        var items = Tokenize(Clean(text ?? "")).Where(t => HasWordCharacter(t.Text)).ToList();
        var groups = new List<List<SearchTerm>>();
        for (var i = 0; i < items.Count; i++)
        {
            // OR joins the terms on either side; anywhere else (first, last, next to another OR) it is a word.
            if (items[i].IsOperator && i > 0 && !items[i - 1].IsOperator && i + 1 < items.Count && !items[i + 1].IsOperator)
            {
                groups[^1].Add(items[++i].Term);
                continue;
            }

            groups.Add([items[i].Term]);
        }

        return new SearchQuery([.. groups]);
    }

    /// <summary>Whether a term holds a character the index keeps (a letter, digit or private-use character); the rest only separate words.</summary>
    public static bool HasWordCharacter(string text) => text.EnumerateRunes().Any(r => IsWordCharacter(Rune.GetUnicodeCategory(r)));

    /// <summary>The words of a term: its runs of word characters, as the index on SQLite splits text.</summary>
    internal static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordCharacter(Rune.GetUnicodeCategory(rune)))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsWordCharacter(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    /// <summary>Control characters (NUL included) and lone surrogates become spaces.</summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            clean.Append(Rune.IsControl(rune) || rune == Rune.ReplacementChar ? ' ' : rune.ToString());
        }

        return clean.ToString();
    }

    private sealed record Item(string Text, bool Prefix, bool Quoted)
    {
        public bool IsOperator => Text == Or && !Prefix && !Quoted;

        public SearchTerm Term => new(Text, Prefix);
    }

    private static IEnumerable<Item> Tokenize(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int end;
            if (text[i] == '"')
            {
                end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    // An unbalanced quote is literal text, and a quote is no word character: it just separates.
                    i++;
                    continue;
                }

                var phrase = text[(i + 1)..end];
                i = end + 1;
                var prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }

                yield return new Item(phrase, prefix, Quoted: true);
                continue;
            }

            end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
            {
                end++;
            }

            var word = text[i..end];
            i = end;
            var trimmed = word.TrimEnd('*');
            yield return new Item(trimmed, trimmed.Length < word.Length, Quoted: false);
        }
    }
}
