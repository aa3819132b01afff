using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Q7x2.Api.Features.Curation;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// What the output cache keeps: 200 answers to anonymous GETs under /v1 (HEAD arrives here as GET), keyed by the
/// generation, host, path (case-sensitive, as ids are), the raw query string and the headers that choose the
/// representation. A request with credentials is neither answered from the cache nor stored in it, and neither is a CSV
/// export (streamed, as long as the list).
/// </summary>
internal sealed class ReadCachePolicy(CacheGeneration generation) : IOutputCachePolicy
{
    /// <summary>Eviction keeps entries right; expiry only frees the memory of keys no one asks for any more.</summary>
    private static readonly TimeSpan Expiration = TimeSpan.FromMinutes(10);

    private static readonly StringValues RepresentationHeaders = new([HeaderNames.AcceptEncoding, HeaderNames.Accept]);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = ConditionalGetMiddleware.IsRead(request)
            && !request.Headers.ContainsKey(ApiKeys.Header) && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !Streaming.IsStreamed(request);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;

        // No coalescing of concurrent misses: the framework hands every waiter the leader's outcome, so one client that
        // disconnects mid-fill would fail the others with its cancellation.
        context.AllowLocking = false;
        context.ResponseExpirationTimeSpan = Expiration;
        context.CacheVaryByRules.CacheKeyPrefix = generation.Prefix;
        context.CacheVaryByRules.HeaderNames = RepresentationHeaders;
        context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? "";
        context.Tags.Add(ReadCache.Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
