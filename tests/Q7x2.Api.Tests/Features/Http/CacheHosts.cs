using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// A host whose data-version watcher polls once an hour, so that within a test only the requests move
/// <see cref="Q7x2ApiFactory.Commands"/> and only in-process eviction can refresh the cache.
/// </summary>
public sealed class QuietCacheHost : IDisposable
{
    public Q7x2ApiFactory Factory { get; } = new();

    public WebApplicationFactory<Program> Host { get; }

    public QuietCacheHost() => Host = Factory.WithWebHostBuilder(b => b.UseSetting("Caching:PollInterval", "01:00:00"));

    public CommandCounter Commands => Factory.Commands;

    /// <summary>Empties the read cache, so a test starts cold whatever ran before it.</summary>
    public async Task EvictAsync() => await Host.Services.GetRequiredService<ReadCache>().EvictAllAsync(CancellationToken.None);

    public void Dispose() => Factory.Dispose();
}

internal static class CacheAssertions
{
    /// <summary>The output cache adds <c>Age</c> to what it serves from an entry, and only then.</summary>
    public static bool IsCacheHit(this HttpResponseMessage response) => response.Headers.Age is not null;

    public static HttpRequestMessage Get(string url, string? ifNoneMatch = null, string? acceptEncoding = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return request;
    }

    /// <summary>Requests <paramref name="url"/> until <paramref name="done"/> holds for its body; fails after a generous bound.</summary>
    public static async Task<HttpResponseMessage> PollAsync(HttpClient client, string url, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && done(body))
            {
                return response;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{url} still answers the old body after {clock.Elapsed}: {body}");
            await Task.Delay(100);
        }
    }
}
