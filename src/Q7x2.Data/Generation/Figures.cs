using System.Globalization;

namespace Q7x2.Data.Generation;

/// <summary>Numbers as a news text writes them, each with the value it means.</summary>
internal static class Figures
{
    private static string Format(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"$405,100", "$6.35 million" or "$1.2 billion".</summary>
    public static (string Text, decimal Value) Money(SplitMix64 rng, int scale) => scale switch
    {
        0 => Exact(rng.Next(1_000, 10_000) * 100m),
        1 => Millions(rng.Next(110, 10_000) / 100m),
        _ => Billions(rng.Next(11, 100) / 10m),
    };

    public static (string Text, decimal Value) Millions(decimal millions) => ($"${Format(millions, "0.##")} million", millions * 1_000_000m);

    public static (string Text, decimal Value) Billions(decimal billions) => ($"${Format(billions, "0.#")} billion", billions * 1_000_000_000m);

    public static (string Text, decimal Value) Exact(decimal dollars) => ($"${Format(dollars, "#,0")}", dollars);

    /// <summary>"20,000" or "1.2 million" (people, refugees).</summary>
    public static (string Text, decimal Value) Headcount(SplitMix64 rng)
    {
        if (rng.Chance(0.5))
        {
            var thousands = rng.Next(2, 100) * 1_000m;
            return (Format(thousands, "#,0"), thousands);
        }

        var millions = rng.Next(11, 100) / 10m;
        return ($"{Format(millions, "0.#")} million", millions * 1_000_000m);
    }

    /// <summary>"3.5": a percentage with at most one decimal.</summary>
    public static decimal Percent(SplitMix64 rng, int max) => rng.Next(1, max * 10) / 10m;

    public static string Text(decimal value) => Format(value, "0.#");
}
