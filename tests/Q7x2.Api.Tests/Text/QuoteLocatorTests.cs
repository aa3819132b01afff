using Q7x2.Data.Text;

namespace Q7x2.Api.Tests.Text;

/// <summary>Locating a quote is one linear pass, however often it repeats and whichever occurrence is asked for.</summary>
public sealed class QuoteLocatorTests
{
    // 400,000 characters in which a 250,001-character quote occurs 150,000 times (overlapping).
    private static readonly string Text = new('a', 400_000);
    private static readonly string Quote = new('a', 250_001);

    [Fact]
    public void The150000thOccurrenceIsFoundWithWorkLinearInTheLengths()
    {
        var work = new SearchWork();

        var (span, error) = QuoteLocator.Locate(Text, Quote, 150_000, work);

        Assert.Null(error);
        Assert.Equal(149_999, span!.Start);
        Assert.Equal(149_999 + Quote.Length, span.End);

        // A search that restarts at each occurrence compares ~150,000 × 250,001 characters; one pass compares at most 2 per character.
        Assert.InRange(work.Comparisons, 1, 2L * (Text.Length + Quote.Length));
    }

    [Fact]
    public void AnUnspecifiedOccurrenceOfARepeatedQuoteIsRefusedAfterOneLinearPass()
    {
        var work = new SearchWork();

        var (span, error) = QuoteLocator.Locate(Text, Quote, null, work);

        Assert.Null(span);
        Assert.Equal("quote occurs 150000 times in the source text; give its occurrence (1-150000)", error);
        Assert.InRange(work.Comparisons, 1, 2L * (Text.Length + Quote.Length));
    }

    [Fact]
    public void AStoredSpanReadsBackAsItsOccurrence()
    {
        Assert.Equal(150_000, QuoteLocator.OccurrenceAt(Text, Quote, 149_999));
        Assert.Null(QuoteLocator.OccurrenceAt("one quote once", "quote", 4));
        Assert.Equal(2, QuoteLocator.OccurrenceAt("“a” and “a”", "“a”", 8));
    }

    [Fact]
    public void AnOccurrenceAboveTheDocumentedMaximumIsRefusedWithoutSearching()
    {
        var work = new SearchWork();

        var (span, error) = QuoteLocator.Locate(Text, "a", QuoteLocator.MaxOccurrence + 1, work);

        Assert.Null(span);
        Assert.Equal($"occurrence must be between 1 and {QuoteLocator.MaxOccurrence}", error);
        Assert.Equal(0, work.Comparisons);
    }
}
