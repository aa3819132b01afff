using System.Text;

namespace Q7x2.Data.Text;

/// <summary>Offsets in Unicode code points, the unit of evidence spans (never UTF-16 units or bytes).</summary>
public static class CodePoints
{
    public static int Count(string text) => Count(text, 0, text.Length);

    public static int Count(string text, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
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
        var runes = text[..utf16Index].EnumerateRunes().ToList();
        return string.Concat(runes.Skip(Math.Max(0, runes.Count - max)).Select(r => r.ToString()));
    }

    /// <summary>The first <paramref name="max"/> code points from <paramref name="utf16Index"/> on.</summary>
    public static string After(string text, int utf16Index, int max) =>
        string.Concat(text[utf16Index..].EnumerateRunes().Take(max).Select(static (Rune r) => r.ToString()));
}
