using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>
/// Fuzzy dates as an article words them, each with the interval it means (seed/README.md: early = days 1–10 / Jan–Apr,
/// mid = 11–20 / May–Aug, late = 21–end / Sep–Dec). A year the words leave out is filled in from the article's date and
/// marked inferred, with a note.
/// </summary>
internal static class FuzzyDates
{
    public static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static SeedFuzzyDate Inferred(SeedFuzzyDate date, string note) => date with { Basis = "inferred", Note = note };

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>"July 8" (year inferred from the article's date) or "July 8, 2024".</summary>
    public static SeedFuzzyDate Day(DateOnly day, bool withYear)
    {
        var text = $"{Months[day.Month - 1]} {day.Day}";
        var date = new SeedFuzzyDate(withYear ? $"{text}, {day.Year}" : text, day, day, "day");
        return withYear ? date : Inferred(date, $"The article gives no year; {day.Year} from its date.");
    }

    /// <summary>"July 8-9": a span of days within one month, its year from the article's date.</summary>
    public static SeedFuzzyDate Days(DateOnly from, DateOnly to) => Inferred(
        new SeedFuzzyDate($"{Months[from.Month - 1]} {from.Day}-{to.Day}", from, to, "day"),
        $"The article gives no year; {from.Year} from its date.");

    /// <summary>"March 2024", "early March 2024", "mid-March 2024", "late March 2024".</summary>
    public static SeedFuzzyDate Month(int year, int month, string? qualifier)
    {
        var name = $"{Months[month - 1]} {year}";
        return qualifier switch
        {
            "early" => new($"early {name}", new(year, month, 1), new(year, month, 10), "month", "early"),
            "mid" => new($"mid-{name}", new(year, month, 11), new(year, month, 20), "month", "mid"),
            "late" => new($"late {name}", new(year, month, 21), EndOfMonth(year, month), "month", "late"),
            _ => new(name, new(year, month, 1), EndOfMonth(year, month), "month"),
        };
    }

    /// <summary>"2019", "early 2019", "mid-2019", "late 2019".</summary>
    public static SeedFuzzyDate Year(int year, string? qualifier) => qualifier switch
    {
        "early" => new($"early {year}", new(year, 1, 1), new(year, 4, 30), "year", "early"),
        "mid" => new($"mid-{year}", new(year, 5, 1), new(year, 8, 31), "year", "mid"),
        "late" => new($"late {year}", new(year, 9, 1), new(year, 12, 31), "year", "late"),
        _ => new($"{year}", new(year, 1, 1), new(year, 12, 31), "year"),
    };

    /// <summary>"the 1990s".</summary>
    public static SeedFuzzyDate Decade(int decade) =>
        new($"the {decade}s", new(decade, 1, 1), new(decade + 9, 12, 31), "decade");

    /// <summary>"since late 2019": from the start of late 2019 to the article's date, when it still held.</summary>
    public static SeedFuzzyDate Since(int year, DateOnly published) => Inferred(
        new SeedFuzzyDate($"since late {year}", new(year, 9, 1), published, "year", "after"),
        $"From “late {year}” (September–December); the end is the article’s date ({Iso(published)}), when it still held.");

    /// <summary>"before 2010": the decade before, as the article bounds it no further.</summary>
    public static SeedFuzzyDate Before(int year) => Inferred(
        new SeedFuzzyDate($"before {year}", new(year - 10, 1, 1), new(year - 1, 12, 31), "year", "before"),
        $"The article says only “before {year}”; the interval is bounded to the ten years before.");

    /// <summary>"nearly two years earlier", counted back from a date the article gives.</summary>
    public static SeedFuzzyDate NearlyYearsBefore(int years, DateOnly from) => Inferred(
        new SeedFuzzyDate($"nearly {Names.Count(years)} years earlier", new(from.Year - years, 1, 1), new(from.Year - years, 12, 31), "year", "nearly"),
        $"Counted back {years} years from {Iso(from)}.");

    /// <summary>"the first five months of 2024", or "January-May" with the year inferred.</summary>
    public static SeedFuzzyDate FirstMonths(int year, int months, bool withYear) => withYear
        ? new($"the first {Names.Count(months)} months of {year}", new(year, 1, 1), EndOfMonth(year, months), "month")
        : Inferred(
            new SeedFuzzyDate($"January-{Months[months - 1]}", new(year, 1, 1), EndOfMonth(year, months), "month"),
            $"“January-{Months[months - 1]} … this year”: the article is from {year}.");
}
