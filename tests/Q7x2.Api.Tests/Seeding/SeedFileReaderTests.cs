using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>
/// A seed file is read from disk a buffer at a time, never whole: what is wrong with the file itself is still reported with
/// its place, and records are read the same whatever the buffer boundaries cut.
/// </summary>
public sealed class SeedFileReaderTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        // the file's new text (facts.json), the JSON path reported and the start of the reason
        { "{\"facts\": [", "$", "is not valid JSON (line 1, byte 12)" },
        { "{\"facts\": null}", "$.facts", "must be an array, not null" },
        { "{\"facts\": [], \"more\": []}", "$", "the file must be an object with the single property 'facts'" },
        { "[]", "$", "the file must be an object with the single property 'facts'" },
        { "", "$", "is not valid JSON" },
        { "{\"facts\": 5}", "$.facts", "" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void ABrokenFileIsReportedAloneWithItsPlace(string text, string path, string reason)
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        File.WriteAllText(Path.Combine(seed, "facts.json"), text);

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed));

        var line = Assert.Single(error.Errors);
        Assert.Equal(("facts.json", path), (line.File, line.Path));
        Assert.StartsWith(reason, line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ARecordOfTheWrongShapeDeepInALargeFileIsReportedAtItsIndex()
    {
        // Far past the first buffers, after a record longer than any buffer: the path counts from the list, as it did
        // when the file was read whole.
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        var file = Path.Combine(seed, "facts.json");
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var facts = root["facts"]!.AsArray();
        facts[3]!["note"] = new string('n', 300_000);
        facts[^1]!["modality"] = 5;
        File.WriteAllText(file, root.ToJsonString());

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed));

        var line = Assert.Single(error.Errors);
        Assert.Equal(("facts.json", $"$.facts[{facts.Count - 1}].modality"), (line.File, line.Path));
    }

    [Fact]
    public void RecordsCutByTheBufferAreReadAsWhenTheFileWasWhole()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        var expected = SeedLoader.Load(seed);
        var file = Path.Combine(seed, "facts.json");
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        root["facts"]![3]!["note"] = new string('n', 300_000);
        File.WriteAllText(file, root.ToJsonString());

        var read = SeedLoader.Load(seed);

        Assert.Equal(expected.Facts.Count, read.Facts.Count);
        Assert.Equal(new string('n', 300_000), read.Facts[3].Note);
        Assert.Equal(expected.Facts.Select(f => f.Id), read.Facts.Select(f => f.Id));
        Assert.Equal(expected.Facts[^1].Evidence.Select(v => v.Exact), read.Facts[^1].Evidence.Select(v => v.Exact));
    }
}
