namespace Q7x2.Data.Text;

public sealed record QuoteSpan(int Start, int End, string Prefix, string Suffix);

/// <summary>Finds a quote in a source text and gives its span in code points.</summary>
public static class QuoteLocator
{
    public const int ContextLength = 32;

    /// <summary>
    /// Locates <paramref name="exact"/>. Without <paramref name="occurrence"/> the quote must occur
    /// exactly once; with it, the 1-based occurrence is taken. Returns null with a reason otherwise.
    /// </summary>
    public static (QuoteSpan? Span, string? Error) Locate(string text, string exact, int? occurrence)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        if (positions.Count == 0)
        {
            return (null, "quote not found in the source text");
        }

        if (occurrence is null && positions.Count > 1)
        {
            return (null, $"quote occurs {positions.Count} times in the source text; give its occurrence (1-{positions.Count})");
        }

        if (occurrence is { } n && (n < 1 || n > positions.Count))
        {
            return (null, $"occurrence {n} asked for, but the quote occurs {positions.Count} time(s)");
        }

        var index = positions[(occurrence ?? 1) - 1];
        var start = CodePoints.Count(text, 0, index);
        var end = start + CodePoints.Count(exact);
        return (new QuoteSpan(start, end,
            CodePoints.Before(text, index, ContextLength),
            CodePoints.After(text, index + exact.Length, ContextLength)), null);
    }
}
