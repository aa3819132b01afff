using Q7x2.Data.Text;

namespace Q7x2.Api.Tests.Text;

public sealed class SentencesTests
{
    private static List<string> Texts(string text, IEnumerable<(int, int)>? joins = null, IEnumerable<int>? splits = null) =>
        [.. Sentences.Split(text, joins ?? [], splits ?? []).Select(s => CodePoints.Slice(text, s.Start, s.End))];

    [Fact]
    public void SplitsAfterEndPunctuationBeforeACapitalAndKeepsEachLineApart()
    {
        var text = "A Heading\nIt said “Eternal Friendship.” Then 14 agreements were signed! Were they? yes.\n\n  Last one  ";

        Assert.Equal(["A Heading", "It said “Eternal Friendship.”", "Then 14 agreements were signed!", "Were they? yes.", "Last one"], Texts(text));
    }

    [Fact]
    public void CountsInCodePoints()
    {
        var text = "😀 First. Second.";

        Assert.Equal([(0, 8), (9, 16)], Sentences.Split(text, [], []));
    }

    [Fact]
    public void CuratedJoinsAndSplitsCorrectTheRule()
    {
        var text = "Mr. Smith met Dr. Jones in Dushanbe. Talks followed - then a dinner";

        Assert.Equal(["Mr.", "Smith met Dr.", "Jones in Dushanbe.", "Talks followed - then a dinner"], Texts(text));
        // A join over "Mr. Smith met Dr. Jones" makes the three one; a split starts a sentence at "then".
        Assert.Equal(["Mr. Smith met Dr. Jones in Dushanbe.", "Talks followed -", "then a dinner"],
            Texts(text, joins: [(0, 23)], splits: [text.IndexOf("then", StringComparison.Ordinal)]));
    }
}
