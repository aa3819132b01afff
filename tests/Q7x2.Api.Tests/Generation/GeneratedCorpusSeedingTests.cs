using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Generation;

/// <summary>A generated corpus is a seed the unchanged seeder accepts: every quote lands where it says, and a re-seed changes nothing.</summary>
// SQLite only: a corpus seeded twice into a SQLite file (a second seed run is SQLite's).
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class GeneratedCorpusSeedingTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private string ConnectionString => $"Data Source={Path.Combine(_temp.Path, "corpus.db")}";

    [Fact]
    public async Task AGeneratedCorpusSeedsWithEverySpanOnItsQuoteAndASecondRunChangesNothing()
    {
        var folder = GeneratedCorpus.Generate(_temp, "corpus", sources: 20, seed: 11);
        var quotes = SeedLoader.Load(folder);
        var records = quotes.Sources.Count + quotes.Predicates.Count + quotes.Entities.Count + quotes.Facts.Count + quotes.Observations.Count;

        var first = await GeneratedCorpus.SeedAsync(ConnectionString, folder);
        Assert.Equal("0 added, 0 changed, 0 removed, 0 kept (curator-owned)", (await GeneratedCorpus.SeedAsync(ConnectionString, folder)).ToString());

        Assert.Equal($"{records} added, 0 changed, 0 removed, 0 kept (curator-owned)", first.ToString());
        await using var read = GeneratedCorpus.Database(ConnectionString);
        var texts = await read.Sources.ToDictionaryAsync(s => s.Id, s => s.Text.EnumerateRunes().Select(r => r.ToString()).ToArray());
        string Slice(string source, int start, int end) => string.Concat(texts[source][start..end]);
        var spans = await read.Evidence.AsNoTracking().ToListAsync();
        Assert.Equal(20, texts.Count);
        Assert.Equal(quotes.Entities.Sum(e => e.Evidence.Count) + quotes.Facts.Sum(f => f.Evidence.Count) + quotes.Observations.Sum(o => o.Evidence.Count),
            spans.Count);
        Assert.All(spans, span => Assert.Equal(span.Exact, Slice(span.SourceId, span.Start, span.End)));

        // Many quotes come after a character outside the BMP, where UTF-16 offsets differ: they would have failed the check above.
        var shifted = spans.Count(s => Slice(s.SourceId, 0, s.Start).Length != s.Start);
        Assert.True(shifted > 100, $"only {shifted} spans start after a character outside the BMP");
    }
}
