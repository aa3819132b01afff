using System.Text;

namespace Q7x2.Data.Text;

/// <summary>
/// Splits a text into sentences, as spans of code points (end exclusive, surrounding whitespace left out), by one rule:
/// every line is split on its own (a line without end punctuation, such as a heading, is one sentence), and a sentence ends
/// after <c>.</c>, <c>!</c> or <c>?</c> (and any closing quotes or brackets right after) when whitespace follows and the
/// next character is a capital letter, a digit or an opening quote or bracket. Curated boundaries correct the rule where it
/// is wrong: a <c>join</c> makes the sentences a span touches one, a <c>split</c> starts a sentence at a position.
/// </summary>
public static class Sentences
{
    public const string Rule = "Each line is split on its own (a line without end punctuation, such as a heading, is one sentence); a sentence "
        + "ends after '.', '!' or '?' and any closing quotes or brackets right after it, when whitespace follows and the next character is a "
        + "capital letter, a digit or an opening quote or bracket. Curated joins and splits correct the rule where it is wrong.";

    private static readonly HashSet<int> Ends = ['.', '!', '?'];
    private static readonly HashSet<int> Closers = ['”', '’', '"', '\'', ')', ']', '»'];
    private static readonly HashSet<int> Openers = ['“', '‘', '"', '\'', '(', '[', '«'];

    public static List<(int Start, int End)> Split(string text, IEnumerable<(int Start, int End)> joins, IEnumerable<int> splits)
    {
        var runes = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var cuts = new SortedSet<int>(splits.Where(s => s > 0 && s < runes.Length));
        var sentences = new List<(int Start, int End)>();
        var lineStart = 0;
        for (var i = 0; i <= runes.Length; i++)
        {
            if (i < runes.Length && runes[i] != '\n')
            {
                continue;
            }

            var start = lineStart;
            for (var j = lineStart; j < i; j++)
            {
                var end = j + 1;
                if (Ends.Contains(runes[j]))
                {
                    while (end < i && Closers.Contains(runes[end]))
                    {
                        end++;
                    }

                    var next = end;
                    while (next < i && Rune.IsWhiteSpace(new Rune(runes[next])))
                    {
                        next++;
                    }

                    if (next > end && next < i && (Rune.IsUpper(new Rune(runes[next])) || Rune.IsDigit(new Rune(runes[next])) || Openers.Contains(runes[next])))
                    {
                        Add(sentences, runes, start, end, cuts);
                        start = next;
                        j = next - 1;
                    }
                }
            }

            Add(sentences, runes, start, i, cuts);
            lineStart = i + 1;
        }

        // A join: the sentences a span touches become one.
        foreach (var (joinStart, joinEnd) in joins.OrderBy(j => j.Start))
        {
            var touched = sentences.FindAll(s => s.Start < joinEnd && s.End > joinStart);
            if (touched.Count > 1)
            {
                var first = sentences.IndexOf(touched[0]);
                sentences.RemoveRange(first, touched.Count);
                sentences.Insert(first, (touched[0].Start, touched[^1].End));
            }
        }

        return sentences;
    }

    /// <summary>Adds the span without its surrounding whitespace (nothing when it is blank), cut at the curated splits inside it.</summary>
    private static void Add(List<(int Start, int End)> sentences, int[] runes, int start, int end, SortedSet<int> cuts)
    {
        foreach (var cut in cuts.GetViewBetween(start + 1, Math.Max(start + 1, end - 1)).ToList())
        {
            Add(sentences, runes, start, cut, []);
            start = cut;
        }

        while (start < end && Rune.IsWhiteSpace(new Rune(runes[start])))
        {
            start++;
        }

        while (end > start && Rune.IsWhiteSpace(new Rune(runes[end - 1])))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add((start, end));
        }
    }
}
