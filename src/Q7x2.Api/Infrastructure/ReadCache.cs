using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Q7x2.Api.Infrastructure;

/// <summary><c>Caching:*</c> settings.</summary>
public sealed class CachingOptions
{
    /// <summary>Whether anonymous reads are served from the output cache (ETags and compression apply either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the data version is read, which bounds how long another process's change can go unseen.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The in-memory output cache of anonymous reads, emptied at once by <see cref="EvictAllAsync"/>. Every entry carries
/// one tag, and every key starts with the <see cref="CacheGeneration"/>: an eviction moves the generation before it drops
/// the tagged entries, so a read that loaded the old data before a change and stores it after the eviction stores it
/// under a key no later request looks up.
/// </summary>
internal sealed class ReadCache(IOutputCacheStore store, CacheGeneration generation)
{
    public const string Tag = "reads";

    public async ValueTask EvictAllAsync(CancellationToken ct)
    {
        generation.Advance();
        await store.EvictByTagAsync(Tag, ct);
    }
}

/// <summary>The prefix of every read cache key; it changes with every eviction.</summary>
internal sealed class CacheGeneration
{
    private readonly Lock _lock = new();
    private long _value;

    public string Prefix { get; private set; } = "0";

    public void Advance()
    {
        lock (_lock)
        {
            Prefix = (++_value).ToString(CultureInfo.InvariantCulture);
        }
    }
}
