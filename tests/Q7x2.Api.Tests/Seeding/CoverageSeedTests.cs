using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

public sealed class CoverageSeedTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("quote", "\"A Year of Lasts\"", "$.notes[0].quote", "A Year of Lasts")]
    [InlineData("reason", "null", "$.notes[0].reason", "a reason note needs a reason")]
    [InlineData("reason", "\"boring\"", "$.notes[0].reason", "a reason note needs a reason")]
    [InlineData("kind", "\"merge\"", "$.notes[0].kind", "'merge' is not one of")]
    [InlineData("source", "\"no-such-source\"", "$.notes[0].source", "'no-such-source' is not a known source")]
    public void ABrokenCoverageNoteIsReportedWithItsPath(string member, string value, string path, string reason)
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        var file = Path.Combine(seed, SeedFiles.CoverageFile);
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        root["notes"]![0]![member] = JsonNode.Parse(value);
        File.WriteAllText(file, root.ToJsonString());

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed));

        var line = Assert.Single(error.Errors);
        Assert.Equal((SeedFiles.CoverageFile, path), (line.File, line.Path));
        Assert.Contains(reason, line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheArticleHasItsFourHeadingsAsReasonsLocatedInTheText()
    {
        var loaded = SeedLoader.Load(Repository.Seed);
        var text = loaded.Sources.Single().Text.EnumerateRunes().Select(r => r.ToString()).ToArray();

        Assert.Equal(4, loaded.CoverageNotes.Count);
        Assert.All(loaded.CoverageNotes, n => Assert.Equal(n.Exact, string.Concat(text[n.Start..n.End])));
        Assert.Equal([0, 1, 2, 3], loaded.CoverageNotes.Select(n => n.Position));
    }
}
