using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>
/// Every proper name and every number of the article is in a seeded record, or is listed in
/// seed/not-facts.json with the reason it is not a fact.
/// </summary>
public sealed partial class ArticleCoverageTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string[] NumberWords =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "fourteen", "fifteen", "twenty", "first", "second", "third"];

    private static readonly Dictionary<string, decimal> WordValues = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fourteen"] = 14, ["fifteen"] = 15, ["twenty"] = 20,
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex Numbers();

    private static string Article => File.ReadAllText(Repository.ArticlePath);

    private static HashSet<string> NotFacts(string type)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repository.Seed, "not-facts.json")));
        return document.RootElement.GetProperty("notFacts").EnumerateArray()
            .Where(n => n.GetProperty("source").GetString() == Repository.ArticleId && n.GetProperty("type").GetString() == type)
            .Select(n => n.GetProperty("term").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public async Task EveryCapitalizedWordIsInAnEntityNameOrAliasOrListedAsNotAFact()
    {
        await using var db = factory.CreateDb();
        var names = (await db.Entities.Select(e => e.Name).ToListAsync())
            .Concat(await db.EntityAliases.Select(a => a.Name).ToListAsync())
            .SelectMany(n => Words().Matches(n).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var notFacts = NotFacts("name");
        var capitalized = Words().Matches(Article).Select(m => m.Value).Where(w => char.IsUpper(w[0])).ToHashSet(StringComparer.Ordinal);

        var uncovered = capitalized.Where(w => !names.Contains(w) && !notFacts.Contains(w)).Order(StringComparer.Ordinal).ToList();

        Assert.True(capitalized.Count > 50, $"the extraction found only {capitalized.Count} capitalized words");
        Assert.Contains("Jirgatal", capitalized);
        Assert.Empty(uncovered);
        Assert.DoesNotContain(notFacts, names.Contains);
    }

    [Fact]
    public async Task EveryNumberIsInADateAValueOrAnObservationOrListedAsNotAFact()
    {
        await using var db = factory.CreateDb();
        var texts = await RecordTextsAsync(db);
        var values = (await db.Observations.Select(o => o.Value).ToListAsync()).ToHashSet();
        var notFacts = NotFacts("number");
        var tokens = Numbers().Matches(Article).Select(m => m.Value)
            .Concat(Words().Matches(Article).Select(m => m.Value).Where(w => NumberWords.Contains(w, StringComparer.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

        bool Covered(string token)
        {
            if (texts.Any(t => Regex.IsMatch(t, $@"(?<![\d\p{{L}}]){Regex.Escape(token)}(?![\d\p{{L}}])")))
            {
                return true;
            }

            decimal? value = WordValues.TryGetValue(token, out var word) ? word
                : decimal.TryParse(token.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
            return value is { } v && (values.Contains(v) || values.Contains(v * 1_000_000));
        }

        var uncovered = tokens.Where(t => !Covered(t) && !notFacts.Contains(t)).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("405,100", tokens);
        Assert.Contains("6.35", tokens);
        Assert.Contains("seven", tokens);
        Assert.Empty(uncovered);
    }

    [Theory]
    [InlineData("6.35", 6_350_000, "USD", "eq")]
    [InlineData("405,100", 405_100, "USD", "eq")]
    [InlineData("topped $50 million", 50_000_000, "USD", "gt")]
    [InlineData("more than 10 million", 10_000_000, "person", "gt")]
    [InlineData("more than seven million", 7_000_000, "person", "gt")]
    [InlineData("more than 40,000", 40_000, "person", "gt")]
    [InlineData("14 agreements", 14, "count", "eq")]
    public async Task KeyNumbersAreObservationsWithTheirUnitAndComparator(string quoted, decimal value, string unit, string comparator)
    {
        await using var db = factory.CreateDb();
        var observations = await db.Observations.Include(o => o.Evidence).AsNoTracking().ToListAsync();

        var match = observations.Where(o => o.Evidence.Any(e => e.Exact.Contains(quoted, StringComparison.Ordinal)) && o.Value == value).ToList();

        Assert.Contains(match, o => o.Unit == unit && o.Comparator == comparator);
    }

    /// <summary>The words a record holds from the source: date texts, fact values, entity names and aliases.</summary>
    private static async Task<List<string>> RecordTextsAsync(Q7x2.Data.Q7x2Db db)
    {
        static IEnumerable<string> Date(FuzzyDate? d) => d is null ? [] : [d.Text];
        var entities = await db.Entities.Include(e => e.Aliases).AsNoTracking().ToListAsync();
        var facts = await db.Facts.AsNoTracking().ToListAsync();
        var observations = await db.Observations.AsNoTracking().ToListAsync();
        return [
            .. entities.SelectMany(e => Date(e.Date).Append(e.Name).Concat(e.Aliases.Select(a => a.Name))),
            .. facts.SelectMany(f => Date(f.Date).Concat(f.Value is null ? [] : [f.Value])),
            .. observations.SelectMany(o => Date(o.Period)),
        ];
    }
}
