using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>Claims are checked by the seeder like every other record: a bad one is reported with its file and path, and nothing is stored.</summary>
public sealed class ClaimSeedTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string, string> BrokenClaims() => new()
    {
        // the claim's member set, its new JSON value, the path reported and a part of the reason
        { "operands", """[{"role": "numerator", "record": "no-such-record"}, {"role": "denominator", "record": "kyrgyz-tajik-trade-jan-may-2024"}]""",
            "$.claims[0].operands[0].record", "'no-such-record' is not an entity, fact or observation of the seed" },
        { "operands", """[{"role": "numerator", "record": "kyrgyz-tajik-trade-jan-may-2025"}]""",
            "$.claims[0].operands", "a ratio claim needs exactly one record as 'denominator' (it has 0), or 'missing'" },
        { "operands", """[{"role": "of", "record": "kyrgyz-tajik-trade-jan-may-2025"}, {"role": "numerator", "record": "kyrgyz-tajik-trade-jan-may-2025"}, {"role": "denominator", "record": "kyrgyz-tajik-trade-jan-may-2024"}]""",
            "$.claims[0].operands", "'of' is not a role of a ratio claim" },
        { "quote", "\"that is 16 times more\"", "$.claims[0].quote", "that is 16 times more" },
        { "qualifier", "\"roughly\"", "$.claims[0].qualifier", "'roughly' is not a qualifier of claim-qualifiers.json" },
        { "unit", "\"month\"", "$.claims[0].unit", "'month' is not a unit of a ratio claim" },
        { "subjects", "[\"atlantis\"]", "$.claims[0].subjects[0]", "'atlantis' does not name any entity" },
        { "id", "\"tajikistan\"", "$.claims[0].id", "'tajikistan' is already used by countries.json" },
    };

    [Theory]
    [MemberData(nameof(BrokenClaims))]
    public void ABrokenClaimIsReportedWithItsFileAndPath(string member, string value, string path, string reason)
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        var file = Path.Combine(seed, SeedFiles.ClaimsFile);
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var claim = root["claims"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "kyrgyz-tajik-trade-15-times-more")!;
        root["claims"]!.AsArray().Remove(claim);
        root["claims"]!.AsArray().Insert(0, claim);
        claim[member] = JsonNode.Parse(value);
        File.WriteAllText(file, root.ToJsonString());

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed));

        var line = Assert.Single(error.Errors);
        Assert.Equal((SeedFiles.ClaimsFile, path), (line.File, line.Path));
        Assert.Contains(reason, line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AClaimOnAQualifierThatIsGoneIsReported()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        File.WriteAllText(Path.Combine(seed, SeedFiles.QualifiersFile), """{"qualifiers": []}""");

        var error = Assert.Throws<SeedValidationException>(() => SeedLoader.Load(seed));

        Assert.Equal(13, error.Errors.Count);
        Assert.All(error.Errors, e =>
        {
            Assert.Equal(SeedFiles.ClaimsFile, e.File);
            Assert.EndsWith(".qualifier", e.Path, StringComparison.Ordinal);
            Assert.Contains("is not a qualifier of claim-qualifiers.json", e.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ASeedWithoutClaimFilesHasNoClaims()
    {
        var seed = _temp.CopyFrom(Repository.Seed, "seed");
        File.Delete(Path.Combine(seed, SeedFiles.ClaimsFile));
        File.Delete(Path.Combine(seed, SeedFiles.QualifiersFile));

        var loaded = SeedLoader.Load(seed);

        Assert.Empty(loaded.Claims);
        Assert.Empty(loaded.Qualifiers);
        Assert.NotEmpty(loaded.Observations);
    }

    [Fact]
    public void TheRepositorySeedHasEveryClaimWithItsQuoteLocated()
    {
        var loaded = SeedLoader.Load(Repository.Seed);
        var text = loaded.Sources.Single().Text.EnumerateRunes().Select(r => r.ToString()).ToArray();

        Assert.Equal(13, loaded.Claims.Count);
        Assert.All(loaded.Claims, c => Assert.Equal(c.Exact, string.Concat(text[c.Start..c.End])));
        Assert.Equal(["exactly", "more-than", "nearly", "some", "times"], loaded.Qualifiers.Select(q => q.Id).Order(StringComparer.Ordinal));
    }
}
