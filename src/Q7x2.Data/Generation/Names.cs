using System.Text;

namespace Q7x2.Data.Generation;

/// <summary>Invented, pronounceable names (no real country, person or place is made to say anything), and slugs.</summary>
internal static class Names
{
    private static readonly string[] Onsets =
        ["b", "br", "d", "dr", "g", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "t", "tr", "v", "z", "al", "ar", "el", "or", "ost", "ves"];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou"];
    private static readonly string[] Codas = ["n", "r", "l", "s", "k", "m", "nd", "rk", "st", "v"];
    private static readonly string[] Surnames = ["ov", "ova", "en", "ski", "ich", "ani", "", ""];

    /// <summary>(name suffix, demonym suffix): Valdor → Valdoria, Valdorian; Kest → Kestistan, Kestis.</summary>
    private static readonly (string Name, string Demonym)[] CountryForms =
        [("ia", "ian"), ("istan", "is"), ("a", "an"), ("ovia", "ovian"), ("mark", "mark")];

    private static readonly string[] CitySuffixes = ["abad", "grad", "ovo", "ino", "sk", "ara", "", "", ""];

    public static string Stem(SplitMix64 rng, int syllables, bool coda)
    {
        var stem = new StringBuilder();
        for (var i = 0; i < syllables; i++)
        {
            stem.Append(rng.Pick(Onsets)).Append(rng.Pick(Vowels));
        }

        if (coda)
        {
            stem.Append(rng.Pick(Codas));
        }

        stem[0] = char.ToUpperInvariant(stem[0]);
        return stem.ToString();
    }

    public static (string Name, string Demonym) Country(SplitMix64 rng)
    {
        var stem = Stem(rng, rng.Next(1, 3), coda: true);
        var (name, demonym) = rng.Pick(CountryForms);
        return (stem + name, stem + demonym);
    }

    public static (string Full, string Surname) Person(SplitMix64 rng)
    {
        var surname = Stem(rng, rng.Next(1, 3), rng.Chance(0.5)) + rng.Pick(Surnames);
        return ($"{Stem(rng, rng.Next(1, 3), rng.Chance(0.6))} {surname}", surname);
    }

    public static string City(SplitMix64 rng) => Stem(rng, rng.Next(1, 3), coda: true) + rng.Pick(CitySuffixes);

    /// <summary>Lowercase ASCII words joined by '-': the id format of seed/README.md.</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c != '’' && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The indefinite article before <paramref name="word"/>: "a" (Valdorian) or "an" (Orukovian).</summary>
    public static string Article(string word) => "AEIOUaeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>"a Valdorian", "an Orukovian".</summary>
    public static string A(string word) => $"{Article(word)} {word}";

    private static readonly string[] Small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>A count as a news text writes it: words up to twelve, digits above.</summary>
    public static string Count(int n) => n < Small.Length ? Small[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
