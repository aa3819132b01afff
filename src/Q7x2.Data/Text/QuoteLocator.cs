namespace Q7x2.Data.Text;

public sealed record QuoteSpan(int Start, int End, string Prefix, string Suffix);

/// <summary>
/// Finds a quote in a source text and gives its span in code points. Every search is linear in the lengths of the text and
/// the quote whatever occurrence is asked for: one Knuth–Morris–Pratt pass over the text (overlapping occurrences included),
/// or, when text × quote is small enough that the worst case of the runtime's vectorised <c>IndexOf</c> stays cheap, a few
/// <c>IndexOf</c> calls (the seeder locates a million quotes, each in a 5 KB text). A write does it before it takes the
/// database's write lock.
/// </summary>
public static class QuoteLocator
{
    public const int ContextLength = 32;

    /// <summary>The largest <c>occurrence</c> an evidence quote may name.</summary>
    public const int MaxOccurrence = 1_000_000;

    /// <summary>The largest text length × quote length searched with <c>IndexOf</c>: its worst case is that product.</summary>
    private const long IndexOfBudget = 1L << 24;

    /// <summary>
    /// Locates <paramref name="exact"/>. Without <paramref name="occurrence"/> the quote must occur
    /// exactly once; with it, the 1-based occurrence is taken. Returns null with a reason otherwise.
    /// </summary>
    public static (QuoteSpan? Span, string? Error) Locate(string text, string exact, int? occurrence) =>
        Locate(text, exact, occurrence, new SearchWork());

    internal static (QuoteSpan? Span, string? Error) Locate(string text, string exact, int? occurrence, SearchWork work)
    {
        if (occurrence is { } asked && (asked < 1 || asked > MaxOccurrence))
        {
            return (null, $"occurrence must be between 1 and {MaxOccurrence}");
        }

        var count = 0;
        var index = -1;
        var positions = (long)text.Length * exact.Length <= IndexOfBudget ? IndexOfPositions(text, exact) : Positions(text, exact, work);
        foreach (var at in positions)
        {
            count++;
            if (count == (occurrence ?? 1))
            {
                index = at;
                if (occurrence is not null)
                {
                    break;
                }
            }
        }

        if (count == 0)
        {
            return (null, "quote not found in the source text");
        }

        if (occurrence is null && count > 1)
        {
            return (null, $"quote occurs {count} times in the source text; give its occurrence (1-{count})");
        }

        if (index < 0)
        {
            return (null, $"occurrence {occurrence} asked for, but the quote occurs {count} time(s)");
        }

        var start = CodePoints.Count(text, 0, index);
        var end = start + CodePoints.Count(exact);
        return (new QuoteSpan(start, end,
            CodePoints.Before(text, index, ContextLength),
            CodePoints.After(text, index + exact.Length, ContextLength)), null);
    }

    /// <summary>
    /// Which occurrence of <paramref name="exact"/> starts at code point <paramref name="start"/>: null when the quote occurs
    /// only once (or not there), so that a stored span reads back as the seed shape wrote it.
    /// </summary>
    public static int? OccurrenceAt(string text, string exact, int start)
    {
        var (count, found, codePoints, counted) = (0, (int?)null, 0, 0);
        foreach (var at in Positions(text, exact, new SearchWork()))
        {
            count++;
            codePoints += CodePoints.Count(text, counted, at - counted);
            counted = at;
            if (codePoints == start)
            {
                found = count;
            }
        }

        return count > 1 ? found : null;
    }

    /// <summary>The UTF-16 index of every occurrence, overlapping ones included (ordinal comparison), by <c>IndexOf</c>.</summary>
    private static IEnumerable<int> IndexOfPositions(string text, string exact)
    {
        if (exact.Length == 0)
        {
            yield break;
        }

        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>The UTF-16 index of every occurrence, overlapping ones included, in one pass (ordinal comparison).</summary>
    private static IEnumerable<int> Positions(string text, string exact, SearchWork work)
    {
        if (exact.Length == 0 || exact.Length > text.Length)
        {
            yield break;
        }

        var failure = Failure(exact, work);
        var matched = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (matched > 0 && text[i] != exact[matched])
            {
                work.Comparisons++;
                matched = failure[matched - 1];
            }

            work.Comparisons++;
            if (text[i] == exact[matched])
            {
                matched++;
            }

            if (matched == exact.Length)
            {
                yield return i - exact.Length + 1;
                matched = failure[matched - 1];
            }
        }
    }

    /// <summary>For each prefix of the quote, the length of its longest proper prefix that is also its suffix.</summary>
    private static int[] Failure(string exact, SearchWork work)
    {
        var failure = new int[exact.Length];
        for (int i = 1, k = 0; i < exact.Length; i++)
        {
            while (k > 0 && exact[i] != exact[k])
            {
                work.Comparisons++;
                k = failure[k - 1];
            }

            work.Comparisons++;
            if (exact[i] == exact[k])
            {
                k++;
            }

            failure[i] = k;
        }

        return failure;
    }
}

/// <summary>Character comparisons a search made: the measure of its work that tests bound.</summary>
internal sealed class SearchWork
{
    public long Comparisons { get; set; }
}
