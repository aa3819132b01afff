using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>
/// The quick checks let a record skip its validator only when the validator would pass it: for each way of breaking a
/// valid record, either the quick check refuses it (and the validator words the error) or the validator finds nothing.
/// </summary>
public sealed class SeedQuickCheckTests
{
    private static readonly SeedEvidence Quote = new("some-source", "a quote");
    private static readonly SeedFuzzyDate Date = new("July 2025", new(2025, 7, 1), new(2025, 7, 31), "month");
    private static readonly SeedFact Fact = new("a-fact", "a-subject", "a-predicate", "an-object", null, Date, "stated", null, null, [Quote]);
    private static readonly SeedObservation Observation =
        new("an-observation", "trade-volume", ["a-subject"], 12.5m, "USD", "gt", Date, "reported", null, null, [Quote]);

    public static TheoryData<string> FactBreakages() => [.. FactVariants().Keys];

    public static TheoryData<string> ObservationBreakages() => [.. ObservationVariants().Keys];

    private static Dictionary<string, SeedFact> FactVariants() => new()
    {
        ["valid"] = Fact,
        ["id uppercase"] = Fact with { Id = "A-fact" },
        ["id double dash"] = Fact with { Id = "a--fact" },
        ["id trailing dash"] = Fact with { Id = "a-fact-" },
        ["id too long"] = Fact with { Id = new string('a', 101) },
        ["blank subject"] = Fact with { Subject = " " },
        ["object and value"] = Fact with { Value = "also a value" },
        ["object and blank value"] = Fact with { Value = " " },
        ["neither object nor value"] = Fact with { Object = null },
        ["blank value"] = Fact with { Object = null, Value = "\t" },
        ["unknown modality"] = Fact with { Modality = "rumoured" },
        ["no evidence"] = Fact with { Evidence = [] },
        ["blank quote"] = Fact with { Evidence = [Quote with { Exact = " " }] },
        ["long quote"] = Fact with { Evidence = [Quote with { Exact = new string('q', 4001) }] },
        ["occurrence zero"] = Fact with { Evidence = [Quote with { Occurrence = 0 }] },
        ["source not a slug"] = Fact with { Evidence = [Quote with { Source = "Some Source" }] },
        ["reversed date"] = Fact with { Date = Date with { From = new(2025, 8, 1) } },
        ["unknown precision"] = Fact with { Date = Date with { Precision = "week" } },
        ["qualifier that does not fit"] = Fact with { Date = Date with { Qualifier = "late" } },
        ["qualifier that fits"] = Fact with { Date = Date with { Qualifier = "late", From = new(2025, 7, 21) } },
        ["inferred without note"] = Fact with { Date = Date with { Basis = "inferred" } },
        ["inferred with note"] = Fact with { Date = Date with { Basis = "inferred", Note = "the article's year" } },
        ["blank date text"] = Fact with { Date = Date with { Text = "" } },
    };

    private static Dictionary<string, SeedObservation> ObservationVariants() => new()
    {
        ["valid"] = Observation,
        ["metric not a slug"] = Observation with { Metric = "Trade volume" },
        ["no subjects"] = Observation with { Subjects = [] },
        ["unknown unit"] = Observation with { Unit = "EUR" },
        ["unknown comparator"] = Observation with { Comparator = "ne" },
        ["negative money"] = Observation with { Value = -1m },
        ["negative percent"] = Observation with { Unit = "percent", Value = -1m },
        ["too large"] = Observation with { Value = SeedRules.MaxQuantity + 1 },
        ["too many decimals"] = Observation with { Value = 0.0000001m },
        ["no evidence"] = Observation with { Evidence = [] },
    };

    [Theory]
    [MemberData(nameof(FactBreakages))]
    public void AFactPassesTheQuickCheckOnlyWhenTheValidatorPassesIt(string variant)
    {
        var fact = FactVariants()[variant];
        var valid = new SeedFactValidator().Validate(fact).IsValid;

        Assert.True(!SeedQuickChecks.Fact(fact) || valid, $"the quick check passed '{variant}', which the validator refuses");
        Assert.Equal(variant is "valid" or "qualifier that fits" or "inferred with note" or "object and value", valid);
    }

    [Theory]
    [MemberData(nameof(ObservationBreakages))]
    public void AnObservationPassesTheQuickCheckOnlyWhenTheValidatorPassesIt(string variant)
    {
        var observation = ObservationVariants()[variant];
        var valid = new SeedObservationValidator().Validate(observation).IsValid;

        Assert.True(!SeedQuickChecks.Observation(observation) || valid, $"the quick check passed '{variant}', which the validator refuses");
        Assert.Equal(variant is "valid" or "negative percent", valid);
    }

    [Fact]
    public void ValidRecordsPassTheQuickCheckSoTheyNeedNoValidator()
    {
        Assert.True(SeedQuickChecks.Fact(Fact));
        Assert.True(SeedQuickChecks.Fact(FactVariants()["qualifier that fits"]));
        Assert.True(SeedQuickChecks.Fact(FactVariants()["object and value"]));
        Assert.True(SeedQuickChecks.Observation(Observation));
    }
}
