using System.Text;
using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>What <see cref="CorpusGenerator.Generate"/> wrote.</summary>
public sealed record CorpusSummary(int Sources, int Entities, int Facts, int Observations, long TextBytes)
{
    public override string ToString() =>
        $"{Sources} sources ({TextBytes / 1024.0 / 1024.0:0.0} MB of text), {Entities} entities, {Facts} facts, {Observations} observations";
}

/// <summary>
/// Writes a synthetic corpus in the seed format (seed/README.md) for scale tests: N news articles of about 5 KB about state
/// visits between invented countries, each with 20–60 entities and about 100 facts and observations quoting it, entities
/// shared across articles (a few hubs most of them cite). The same arguments give the same bytes: all randomness comes
/// from <see cref="SplitMix64"/>, every number and date is formatted invariantly, and files are written in one order.
/// Articles are written one at a time; only the shared entities stay in memory until the end.
/// </summary>
public static class CorpusGenerator
{
    public const int MaxSources = 1_000_000;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the corpus into <paramref name="directory"/>, which must not exist or be empty.</summary>
    public static CorpusSummary Generate(int sources, ulong seed, string directory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sources, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sources, MaxSources);
        Directory.CreateDirectory(Path.Combine(directory, "sources"));
        File.WriteAllBytes(Path.Combine(directory, SeedFiles.PredicatesFile), Vocabulary());
        File.WriteAllText(Path.Combine(directory, SeedFiles.NotFactsFile), "{\"notFacts\": []}\n", Utf8);

        var pool = new CorpusPool(seed, sources);
        var textBytes = 0L;
        var entities = SeedFiles.EntityFiles.ToDictionary(
            kind => kind.Key, kind => new JsonArrayFile(Path.Combine(directory, kind.Value.File), kind.Value.Root), StringComparer.Ordinal);
        try
        {
            using var sourceFile = new JsonArrayFile(Path.Combine(directory, SeedFiles.SourcesFile), "sources");
            using var facts = new JsonArrayFile(Path.Combine(directory, SeedFiles.FactsFile), "facts");
            using var observations = new JsonArrayFile(Path.Combine(directory, SeedFiles.ObservationsFile), "observations");
            for (var i = 1; i <= sources; i++)
            {
                var article = Story.Write(seed, pool, i);
                var bytes = Utf8.GetBytes(article.Text);
                File.WriteAllBytes(Path.Combine(directory, article.Source.File), bytes);
                textBytes += bytes.Length;
                sourceFile.Write(article.Source);
                foreach (var entity in article.Entities)
                {
                    entities[entity.Kind].Write(entity.WithEvidence());
                }

                article.Facts.ToList().ForEach(facts.Write);
                article.Observations.ToList().ForEach(observations.Write);
            }

            // Shared entities last, each with the quotes of the first sources that named it; one no source named is left out.
            foreach (var entity in pool.Entities.Where(e => e.Quotes.Count > 0))
            {
                entities[entity.Kind].Write(entity.WithEvidence());
            }

            return new CorpusSummary(sources, entities.Values.Sum(f => f.Count), facts.Count, observations.Count, textBytes);
        }
        finally
        {
            foreach (var file in entities.Values)
            {
                file.Dispose();
            }
        }
    }

    /// <summary>The repository's predicate vocabulary (seed/predicates.json, embedded at build), copied as it is.</summary>
    private static byte[] Vocabulary()
    {
        using var stream = typeof(CorpusGenerator).Assembly.GetManifestResourceStream("seed/predicates.json")
            ?? throw new InvalidOperationException("seed/predicates.json is not embedded in Q7x2.Data");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
