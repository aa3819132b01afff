using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// <c>Caching:Redis</c>: the output cache's store is Redis (Microsoft.AspNetCore.OutputCaching.StackExchangeRedis), shared by
/// the API processes configured with the same Redis and <c>Caching:RedisInstanceName</c>, behind <see cref="FailSoftStore"/>.
/// </summary>
internal static class SharedReadStore
{
    private const string RedisKey = "redis";

    public static IServiceCollection AddSharedReadStore(this IServiceCollection services, string configuration, string instanceName)
    {
        var options = ConfigurationOptions.Parse(configuration);

        // While Redis is unreachable a command fails at once instead of waiting for a connection (up to the 5 s timeout):
        // the read goes on uncached.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.ConfigurationOptions = options;
            o.InstanceName = instanceName;
        });

        // The package registers its (internal) store type; it is kept, keyed, for the wrapper to use and the container to dispose.
        var redis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        var type = redis.ImplementationType
            ?? throw new InvalidOperationException("The Redis output cache package no longer registers its store by type.");
        services.Remove(redis);
        services.AddKeyedSingleton(typeof(IOutputCacheStore), RedisKey, type);
        services.AddSingleton<IOutputCacheStore>(sp => new FailSoftStore(
            sp.GetRequiredKeyedService<IOutputCacheStore>(RedisKey), sp.GetRequiredService<ILogger<FailSoftStore>>()));
        return services;
    }
}

/// <summary>
/// Redis failing (unreachable, timing out, answering an error) never fails a request: a lookup is a miss, a store or an
/// eviction is skipped, and the read is served uncached. The framework would also answer, but log an error with a stack for
/// every read, and an eviction (after a write, by the watcher) would throw. The first failure after a success is a warning,
/// the first success after failures an information; a failed eviction is a warning every time, as other processes may then
/// serve entries made before a change until their own poll drops them.
/// </summary>
internal sealed partial class FailSoftStore(IOutputCacheStore redis, ILogger<FailSoftStore> logger) : IOutputCacheStore, IOutputCacheBufferStore
{
    private readonly IOutputCacheBufferStore _buffers = (IOutputCacheBufferStore)redis;
    private int _failing;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var value = await redis.GetAsync(key, cancellationToken);
            Succeeded();
            return value;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(e);
            return null;
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        try
        {
            var found = await _buffers.TryGetAsync(key, destination, cancellationToken);
            Succeeded();
            return found;
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(e);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken);
            Succeeded();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(e);
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await _buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            Succeeded();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
            Succeeded();
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(e);
            LogEvictionFailed(e, tag);
        }
    }

    /// <summary>A Redis error; the cursor of an eviction's ZSCAN throws it wrapped in an <see cref="AggregateException"/>.</summary>
    private static bool IsRedisFailure(Exception e) => e is RedisException or RedisTimeoutException or SocketException
        || (e is AggregateException aggregate && aggregate.InnerExceptions.All(IsRedisFailure));

    private void Failed(Exception e)
    {
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            LogUnavailable(e);
        }
    }

    private void Succeeded()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            LogAvailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis output cache unavailable: reads are served uncached until it answers again")]
    private partial void LogUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis output cache answers again")]
    private partial void LogAvailable();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evicting the cached reads (tag {Tag}) from Redis failed: other API processes may serve them until their next data-version poll")]
    private partial void LogEvictionFailed(Exception exception, string tag);
}
