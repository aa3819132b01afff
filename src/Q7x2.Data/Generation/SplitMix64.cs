namespace Q7x2.Data.Generation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): the generator's only source of randomness. A fixed algorithm of a few lines,
/// so a seed gives the same corpus on every runtime; <see cref="Random"/> may change its algorithm between versions.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one part of the corpus (a source), independent of how much the others drew.</summary>
    public static SplitMix64 For(ulong seed, ulong stream) => new(new SplitMix64(seed ^ (stream * 0xD1B54A32D192ED03UL)).NextUInt64());

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ n &lt; <paramref name="maxExclusive"/> (Lemire's multiply-shift; its bias is below 2⁻³¹, irrelevant here).</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An item, the first ones far more often than the last: a few records are cited by most sources.</summary>
    public T Skewed<T>(IReadOnlyList<T> items)
    {
        var u = NextDouble();
        return items[(int)(items.Count * u * u * u)];
    }
}
