using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Features.TradeFigures;

/// <summary>
/// Values the API no longer accepts may still be in a database written before the bounds: derived comparisons never throw,
/// they answer null with a reason.
/// </summary>
public sealed class TradeComparisonBoundsTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string JanMay2025 = "kyrgyz-tajik-trade-jan-may-2025";

    private async Task StoreAsync(string id, decimal value, int year)
    {
        await using var db = factory.CreateDb();
        db.Observations.Add(new Observation
        {
            Id = id, Metric = "bilateral-trade-value", Value = value, Unit = "USD", Comparator = "eq", Modality = "stated",
            Period = new FuzzyDate { Text = $"{year}", From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), Precision = "year", Basis = "stated" },
            Subjects = [new() { ObservationId = id, EntityId = "kyrgyzstan", Position = 0 }, new() { ObservationId = id, EntityId = "tajikistan", Position = 1 }],
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ComparisonsThatCannotBeComputedAreNullWithAReason()
    {
        await StoreAsync("legacy-extreme-trade", -79228162514264337593543950335m, 2031);
        await StoreAsync("legacy-tiny-trade", 0.0000000000000000000000000001m, 2032);
        await StoreAsync("legacy-zero-trade", 0m, 2033);

        var page = await (await factory.CreateClient().GetAsync("/v1/trade-figures?limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var comparisons = page.GetProperty("items").EnumerateArray()
            .SelectMany(f => f.GetProperty("comparisons").EnumerateArray().Select(c => (Id: f.GetProperty("id").GetString(), Comparison: c)))
            .ToList();
        var extremeVsFigure = comparisons.Single(c => c.Id == "legacy-extreme-trade" && c.Comparison.GetProperty("against").GetString() == JanMay2025).Comparison;
        Assert.Equal(JsonValueKind.Null, extremeVsFigure.GetProperty("change").ValueKind);
        Assert.Contains("change", extremeVsFigure.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var extremeVsTiny = comparisons.Single(c => c.Id == "legacy-extreme-trade" && c.Comparison.GetProperty("against").GetString() == "legacy-tiny-trade").Comparison;
        Assert.Equal(JsonValueKind.Null, extremeVsTiny.GetProperty("ratio").ValueKind);
        Assert.Contains("ratio: beyond the range", extremeVsTiny.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var againstZero = comparisons.Single(c => c.Id == JanMay2025 && c.Comparison.GetProperty("against").GetString() == "legacy-zero-trade").Comparison;
        Assert.Equal(JsonValueKind.Null, againstZero.GetProperty("ratio").ValueKind);
        Assert.Equal("ratio: 'legacy-zero-trade' is 0.", againstZero.GetProperty("reason").GetString());
        var computed = comparisons.Single(c => c.Id == JanMay2025 && c.Comparison.GetProperty("against").GetString() == "kyrgyz-tajik-trade-jan-may-2024").Comparison;
        Assert.Equal(JsonValueKind.Null, computed.GetProperty("reason").ValueKind);
    }
}
