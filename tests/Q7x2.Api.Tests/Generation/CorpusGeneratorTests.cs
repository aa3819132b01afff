using System.Text;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Generation;

/// <summary><c>generate</c> is deterministic: the same arguments give the same bytes, another seed another corpus.</summary>
// No database: the generator's output.
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class CorpusGeneratorTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheSameArgumentsWriteByteIdenticalFiles()
    {
        var first = GeneratedCorpus.Files(GeneratedCorpus.Generate(_temp, "first", sources: 30, seed: 42));
        var second = GeneratedCorpus.Files(GeneratedCorpus.Generate(_temp, "second", sources: 30, seed: 42));

        // The texts; sources, predicates and not-facts; the seven entity files; facts and observations.
        Assert.Equal(30 + 3 + 7 + 2, first.Count);
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, file => Assert.True(file.Value.AsSpan().SequenceEqual(second[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public void ADifferentSeedWritesADifferentCorpus()
    {
        var one = GeneratedCorpus.Files(GeneratedCorpus.Generate(_temp, "one", sources: 5, seed: 1));
        var two = GeneratedCorpus.Files(GeneratedCorpus.Generate(_temp, "two", sources: 5, seed: 2));

        Assert.False(one["facts.json"].AsSpan().SequenceEqual(two["facts.json"]));
        Assert.NotEqual(one.Keys.Where(k => k.StartsWith("sources/", StringComparison.Ordinal)),
            two.Keys.Where(k => k.StartsWith("sources/", StringComparison.Ordinal)));
        Assert.Equal(one["predicates.json"], two["predicates.json"]);
    }

    [Fact]
    public void FilesAreUtf8WithoutByteOrderMarkWithLineFeedsOnly()
    {
        var files = GeneratedCorpus.Files(GeneratedCorpus.Generate(_temp, "corpus", sources: 3, seed: 9));

        Assert.All(files, file =>
        {
            Assert.False(file.Value.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file.Key} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', file.Value);
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file.Value);
        });
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Seed, "predicates.json")), files["predicates.json"]);
    }
}
