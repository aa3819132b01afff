using Microsoft.AspNetCore.OutputCaching;

namespace Q7x2.Api.Infrastructure;

/// <summary><c>Caching:*</c> settings.</summary>
public sealed class CachingOptions
{
    /// <summary>Whether anonymous reads are served from the output cache (ETags and compression apply either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the data version is read, which bounds how long another process's change can go unseen.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A StackExchange.Redis configuration string (<c>host:port</c>, options after commas); when set, the output cache is there, shared.</summary>
    public string? Redis { get; set; }

    /// <summary>The prefix of every Redis key: one per database, shared by the API processes that serve it.</summary>
    public string RedisInstanceName { get; set; } = "q7x2";
}

/// <summary>
/// The output cache of anonymous reads (in memory, or in Redis shared by every API process with <c>Caching:Redis</c>).
/// Every entry carries one tag, and every key starts with the <see cref="CacheGeneration"/>. After a change the keys move
/// first (<see cref="FollowAsync"/>, or <see cref="EvictAllAsync"/> when the change's version is unknown), then the tagged
/// entries are dropped (<see cref="DropAllAsync"/>): a read that loaded the old data before the change and stores it after
/// the drop stores it under a key that this process, knowing the new version, no longer looks up. With a shared store the
/// drop reaches every process at once; a process that does not know the new version yet may still store and serve what it
/// read before the change until its <see cref="DataVersionWatcher"/> reads the version (the documented bound).
/// </summary>
internal sealed class ReadCache(IOutputCacheStore store, CacheGeneration generation)
{
    public const string Tag = "reads";

    /// <summary>Moves the keys to the data version that <paramref name="read"/> reads; returns it.</summary>
    public Task<long> FollowAsync(Func<CancellationToken, Task<long>> read, CancellationToken ct) => generation.FollowAsync(read, ct);

    /// <summary>Drops every entry (of every process, when the store is shared); call it after the keys moved.</summary>
    public ValueTask DropAllAsync(CancellationToken ct) => store.EvictByTagAsync(Tag, ct);

    /// <summary>After a change whose version is unknown: keys of this process's own, then every entry dropped.</summary>
    public ValueTask EvictAllAsync(CancellationToken ct)
    {
        generation.Detach();
        return DropAllAsync(ct);
    }
}
