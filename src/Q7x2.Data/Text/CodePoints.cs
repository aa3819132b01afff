using System.Text;

namespace Q7x2.Data.Text;

/// <summary>Offsets in Unicode code points, the unit of evidence spans (never UTF-16 units or bytes).</summary>
public static class CodePoints
{
    public static int Count(string text) => Count(text, 0, text.Length);

    public static int Count(string text, int start, int length)
    {
        // Every UTF-16 unit but the second half of a pair; the vectorised search skips the (usual) runs without any.
        var count = length;
        var rest = text.AsSpan(start, length);
        for (var at = rest.IndexOfAnyInRange('\uDC00', '\uDFFF'); at >= 0; at = rest.IndexOfAnyInRange('\uDC00', '\uDFFF'))
        {
            count--;
            rest = rest[(at + 1)..];
        }

        return count;
    }

    /// <summary>The UTF-16 index at which the code point with the given index starts.</summary>
    public static int ToUtf16Index(string text, int codePointIndex)
    {
        var seen = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]))
            {
                continue;
            }

            if (seen == codePointIndex)
            {
                return i;
            }

            seen++;
        }

        return seen == codePointIndex ? text.Length : throw new ArgumentOutOfRangeException(nameof(codePointIndex));
    }

    /// <summary><c>text[start:end]</c> in code points.</summary>
    public static string Slice(string text, int start, int end)
    {
        var from = ToUtf16Index(text, start);
        return text[from..ToUtf16Index(text, end)];
    }

    /// <summary>The last <paramref name="max"/> code points before <paramref name="utf16Index"/>.</summary>
    public static string Before(string text, int utf16Index, int max)
    {
        // Walk back over at most max code points; a cut through a surrogate pair takes the general path below.
        var from = utf16Index;
        for (var seen = 0; seen < max && from > 0; seen++)
        {
            from -= from >= 2 && char.IsLowSurrogate(text[from - 1]) && char.IsHighSurrogate(text[from - 2]) ? 2 : 1;
        }

        if (WellFormed(text, from, utf16Index))
        {
            return text[from..utf16Index];
        }

        var runes = text[..utf16Index].EnumerateRunes().ToList();
        return string.Concat(runes.Skip(Math.Max(0, runes.Count - max)).Select(r => r.ToString()));
    }

    /// <summary>The first <paramref name="max"/> code points from <paramref name="utf16Index"/> on.</summary>
    public static string After(string text, int utf16Index, int max)
    {
        var to = utf16Index;
        for (var seen = 0; seen < max && to < text.Length; seen++)
        {
            to += to + 1 < text.Length && char.IsHighSurrogate(text[to]) && char.IsLowSurrogate(text[to + 1]) ? 2 : 1;
        }

        return WellFormed(text, utf16Index, to)
            ? text[utf16Index..to]
            : string.Concat(text[utf16Index..].EnumerateRunes().Take(max).Select(static (Rune r) => r.ToString()));
    }

    /// <summary>Whether text[from..to] has no lone surrogate (which rune enumeration would replace).</summary>
    private static bool WellFormed(string text, int from, int to)
    {
        var span = text.AsSpan(from, to - from);
        return span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0 || IsWellFormed(span);
    }

    private static bool IsWellFormed(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return false;
            }
        }

        return true;
    }
}
