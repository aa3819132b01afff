using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Generation;

/// <summary>What issue 11 asks of a generated corpus, measured on 20 sources read by the seeder's own loader.</summary>
// No database: the generated seed's shape.
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class CorpusShapeTests : IClassFixture<CorpusShapeTests.Corpus>
{
    private const int Sources = 20;

    public sealed class Corpus : IDisposable
    {
        private readonly TempDirectory _temp = Repository.TempDirectory();

        public Corpus()
        {
            Folder = GeneratedCorpus.Generate(_temp, "corpus", Sources, seed: 5);
            Seed = SeedLoader.Load(Folder);
        }

        public string Folder { get; }

        public SeedSet Seed { get; }

        public void Dispose() => _temp.Dispose();
    }

    private readonly SeedSet _seed;
    private readonly Dictionary<string, string> _texts;

    public CorpusShapeTests(Corpus corpus)
    {
        _seed = corpus.Seed;
        _texts = _seed.Sources.ToDictionary(s => s.Id, s => s.Text);
    }

    /// <summary>Every record with the sources it quotes.</summary>
    private IEnumerable<(string Id, IEnumerable<string> Sources, IEnumerable<string?> PointsAt)> Records() =>
        _seed.Facts.Select(f => (f.Id, f.Evidence.Select(v => v.SourceId), (IEnumerable<string?>)[f.SubjectId, f.ObjectId, f.AttributionId]))
            .Concat(_seed.Observations.Select(o => (o.Id, o.Evidence.Select(v => v.SourceId), o.Subjects.Select(s => (string?)s.EntityId).Append(o.AttributionId))));

    [Fact]
    public void EachSourceHasAboutFiveKilobytesOfTextAndAboutAHundredFactsAndObservations()
    {
        var perSource = Records().GroupBy(r => r.Sources.First()).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Sources, _seed.Sources.Count);
        Assert.All(_seed.Sources, s => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(s.Text), 4_500, 6_500));
        Assert.All(_seed.Sources, s => Assert.InRange(perSource.GetValueOrDefault(s.Id), 80, 120));
    }

    [Fact]
    public void EachSourceNamesTwentyToSixtyEntitiesAndAFewHubsAreNamedByMostSources()
    {
        var named = _seed.Sources.ToDictionary(s => s.Id, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var entity in _seed.Entities)
        {
            entity.Evidence.ForEach(v => named[v.SourceId].Add(entity.Id));
        }

        foreach (var (_, sources, pointsAt) in Records())
        {
            named[sources.First()].UnionWith(pointsAt.OfType<string>());
        }

        var fanIn = named.Values.SelectMany(ids => ids).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(named.Values, ids => Assert.InRange(ids.Count, 20, 60));
        Assert.True(fanIn.Count(f => f.Value >= Sources * 3 / 4) >= 4, "fewer than four hubs named by three quarters of the sources");
        Assert.True(fanIn.Count(f => f.Value is >= 2 and < Sources / 2) >= 10, "fewer than ten entities shared by several sources");
    }

    [Fact]
    public void SomeQuotesRepeatInTheirTextSoTheirOccurrenceIsGiven()
    {
        var evidence = _seed.Entities.SelectMany(e => e.Evidence).Concat(_seed.Facts.SelectMany(f => f.Evidence))
            .Concat(_seed.Observations.SelectMany(o => o.Evidence));

        var repeated = evidence.Where(v => Count(_texts[v.SourceId], v.Exact) > 1).ToList();

        Assert.True(repeated.Count > 50, $"only {repeated.Count} quotes occur more than once in their text");
        Assert.Contains(repeated, v => _texts[v.SourceId][.._texts[v.SourceId].IndexOf(v.Exact, StringComparison.Ordinal)].EnumerateRunes().Count() < v.Start);
    }

    [Fact]
    public void DatesUseEveryPrecisionAndQualifierAndInferredYearsSayWhy()
    {
        var dates = _seed.Sources.Select(s => s.Published).Concat(_seed.Entities.Select(e => e.Date))
            .Concat(_seed.Facts.Select(f => f.Date)).Concat(_seed.Observations.Select(o => o.Period)).OfType<FuzzyDate>().ToList();

        Assert.Equal(new[] { "day", "decade", "month", "year" }, dates.Select(d => d.Precision).Distinct().Order());
        Assert.Equal(new[] { "after", "before", "early", "late", "mid", "nearly" }, dates.Select(d => d.Qualifier).OfType<string>().Distinct().Order());
        Assert.Contains(dates, d => d.Basis == "inferred");
        Assert.All(dates.Where(d => d.Basis == "inferred"), d => Assert.False(string.IsNullOrWhiteSpace(d.Note)));
    }

    [Fact]
    public void QuantitiesUseTheUnitsAndComparatorsAsTheTextWordsThem()
    {
        var units = _seed.Observations.Select(o => o.Unit).Distinct().Order();
        var comparators = _seed.Observations.Select(o => o.Comparator).Distinct().Order();

        Assert.Equal(new[] { "USD", "count", "day", "gun", "percent", "person", "ratio", "year" }, units);
        Assert.Equal(new[] { "approx", "eq", "gt" }, comparators);
        Assert.Contains(_seed.Observations, o => o.Unit == "percent" && o.Value < 0);
        Assert.All(_seed.Observations.Where(o => o.Comparator == "gt"),
            o => Assert.Matches("more than|topped", o.Evidence[0].Exact));
    }

    private static int Count(string text, string quote)
    {
        var count = 0;
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
