using System.Text;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Seeding;

public sealed class EvidenceSpanTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    /// <summary>text[start:end] by code point, computed here with Rune rather than the product's own helper.</summary>
    private static string SliceByCodePoints(string text, int start, int end) =>
        string.Concat(text.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));

    [Fact]
    public async Task EveryEvidenceSpanIndexesItsQuoteInTheSourceTextByCodePoint()
    {
        await using var db = factory.CreateDb();
        var texts = await db.Sources.ToDictionaryAsync(s => s.Id, s => s.Text);
        var spans = await db.Evidence.AsNoTracking().ToListAsync();

        Assert.True(spans.Count > 100, $"expected the whole article's evidence, found {spans.Count} spans");
        Assert.All(spans, span =>
        {
            var text = texts[span.SourceId];
            Assert.Equal(span.Exact, SliceByCodePoints(text, span.Start, span.End));
            Assert.EndsWith(span.Prefix, SliceByCodePoints(text, 0, span.Start), StringComparison.Ordinal);
            Assert.StartsWith(span.Suffix, SliceByCodePoints(text, span.End, int.MaxValue / 2), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Kyrgyzstan’s President Sadyr Japarov")]
    [InlineData("admiring produce – including the melon pyramids")]
    public async Task QuotesWithCurlyApostrophesOrEnDashesHaveCodePointOffsetsNotByteOffsets(string quote)
    {
        await using var db = factory.CreateDb();
        var text = (await db.Sources.SingleAsync(s => s.Id == Repository.ArticleId)).Text;
        var expectedStart = text[..text.IndexOf(quote, StringComparison.Ordinal)].EnumerateRunes().Count();
        var span = await db.Evidence.AsNoTracking()
            .Where(v => v.SourceId == Repository.ArticleId && v.Exact.Contains(quote))
            .OrderBy(v => v.Start).FirstOrDefaultAsync();

        Assert.NotNull(span);
        var offset = span.Exact.IndexOf(quote, StringComparison.Ordinal);
        Assert.Equal(expectedStart, span.Start + span.Exact[..offset].EnumerateRunes().Count());
        Assert.Equal(span.Exact, SliceByCodePoints(text, span.Start, span.End));

        // The same quote measured in UTF-8 bytes would start elsewhere: the test would catch byte offsets.
        var byteStart = Encoding.UTF8.GetByteCount(text[..text.IndexOf(span.Exact, StringComparison.Ordinal)]);
        if (text[..text.IndexOf(span.Exact, StringComparison.Ordinal)].Any(c => c > 127))
        {
            Assert.NotEqual(byteStart, span.Start);
        }
    }

    [Fact]
    public async Task EveryRecordHasAtLeastOneEvidenceQuote()
    {
        await using var db = factory.CreateDb();
        var bare = await db.Entities.Where(e => !e.Evidence.Any()).Select(e => e.Id)
            .Concat(db.Facts.Where(f => !f.Evidence.Any()).Select(f => f.Id))
            .Concat(db.Observations.Where(o => !o.Evidence.Any()).Select(o => o.Id))
            .ToListAsync();

        Assert.Empty(bare);
    }
}
