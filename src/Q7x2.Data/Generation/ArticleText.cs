using System.Text;
using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>A stretch of the text being written: UTF-16 start and length.</summary>
internal readonly record struct TextSpan(int Start, int Length);

/// <summary>
/// One source's text as it is written, and the evidence quoted from it. A quote is taken from the very words just written,
/// so it is verbatim; once the text is complete, <see cref="Complete"/> gives each quote that occurs more than once the
/// occurrence the seeder needs (counted as the seeder counts: ordinal, overlapping occurrences included).
/// </summary>
internal sealed class ArticleText(string sourceId)
{
    private readonly StringBuilder _text = new(6 * 1024);
    private readonly List<(SeedEvidence[] Items, int Index, int Start)> _quotes = [];
    private readonly HashSet<CorpusEntity> _mentioned = [];

    public string SourceId { get; } = sourceId;

    public int Length => _text.Length;

    public IReadOnlyCollection<CorpusEntity> Mentioned => _mentioned;

    public ArticleText Add(string words)
    {
        _text.Append(words);
        return this;
    }

    /// <summary>Writes <paramref name="words"/> and returns where they are.</summary>
    public TextSpan Write(string words)
    {
        var start = _text.Length;
        _text.Append(words);
        return new TextSpan(start, words.Length);
    }

    /// <summary>Ends the paragraph: the space after its last sentence becomes the line break.</summary>
    public void Paragraph()
    {
        if (_text.Length > 0 && _text[^1] == ' ')
        {
            _text[^1] = '\n';
        }
        else
        {
            _text.Append('\n');
        }
    }

    public TextSpan Since(int start) => new(start, _text.Length - start);

    public SeedEvidence[] Evidence(params ReadOnlySpan<TextSpan> spans)
    {
        var items = new SeedEvidence[spans.Length];
        for (var i = 0; i < spans.Length; i++)
        {
            items[i] = new SeedEvidence(SourceId, _text.ToString(spans[i].Start, spans[i].Length));
            _quotes.Add((items, i, spans[i].Start));
        }

        return items;
    }

    /// <summary>
    /// The entity is named at <paramref name="span"/> (and so are the ones its name names). The span becomes one of its evidence quotes while it has fewer than <see cref="CorpusEntity.MaxQuotes"/>, one per source.
    /// </summary>
    public void Mention(CorpusEntity entity, TextSpan span)
    {
        _mentioned.Add(entity);
        foreach (var named in entity.Named)
        {
            Mention(named, span);
        }

        if (entity.Quotes.Count < CorpusEntity.MaxQuotes && entity.QuotedIn != SourceId)
        {
            entity.Quotes.Add(Evidence(span));
            entity.QuotedIn = SourceId;
        }
    }

    /// <summary>The finished text; every quote taken from it now says which occurrence it is when it occurs more than once.</summary>
    public string Complete()
    {
        var text = _text.ToString();
        foreach (var (items, index, start) in _quotes)
        {
            if (Occurrence(text, items[index].Exact, start) is { } occurrence)
            {
                items[index] = items[index] with { Occurrence = occurrence };
            }
        }

        return text;
    }

    private static int? Occurrence(string text, string exact, int start)
    {
        var (count, rank) = (0, 0);
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            count++;
            if (at == start)
            {
                rank = count;
            }
        }

        return count > 1 ? rank : null;
    }
}
