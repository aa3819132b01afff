using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// Behind a proxy (<c>ForwardedHeaders:Enabled</c>, the proxy in <c>ForwardedHeaders:KnownProxies</c>, or in a network of
/// <c>ForwardedHeaders:KnownNetworks</c>) the rate limits count
/// the client that <c>X-Forwarded-For</c> names; from an address not listed the header is ignored and every client is the
/// connection's. Each request arrives from <c>connectedFrom</c>, set before the pipeline as a connection from it would.
/// </summary>
public sealed class ProxyRateLimitTests
{
    private const string Proxy = "192.0.2.10";

    /// <summary>A proxy known by its network, as a container is (its address changes, its network's range does not).</summary>
    private const string ProxyNetwork = "198.51.100.0/24";

    [Fact]
    public async Task ClientsBehindAKnownProxyHaveBudgetsOfTheirOwn()
    {
        using var database = new Q7x2ApiFactory();
        var api = BehindProxy(database, connectedFrom: Proxy);
        await ExhaustAsync(api, "203.0.113.1");

        var other = await ReadAsync(api, "203.0.113.2");

        await other.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Matches($"^\"reads\";r={RateLimitedApi.Reads - 1};t=[0-9]+$", string.Join(",", other.Headers.GetValues("RateLimit")));
    }

    [Fact]
    public async Task ClientsBehindAProxyInAKnownNetworkHaveBudgetsOfTheirOwn()
    {
        using var database = new Q7x2ApiFactory();
        var api = BehindProxy(database, connectedFrom: "198.51.100.77");
        await ExhaustAsync(api, "203.0.113.1");

        var other = await ReadAsync(api, "203.0.113.2");

        await other.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Matches($"^\"reads\";r={RateLimitedApi.Reads - 1};t=[0-9]+$", string.Join(",", other.Headers.GetValues("RateLimit")));
    }

    [Fact]
    public async Task ClientsBehindAnUnknownProxyShareItsBudget()
    {
        using var database = new Q7x2ApiFactory();
        var api = BehindProxy(database, connectedFrom: "192.0.2.99");
        await ExhaustAsync(api, "203.0.113.1");

        var other = await ReadAsync(api, "203.0.113.2");

        await other.ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }

    private static WebApplicationFactory<Program> BehindProxy(Q7x2ApiFactory database, string connectedFrom) =>
        database.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimiting:Enabled", "true")
            .UseSetting("RateLimiting:Reads:PermitsPerMinute", $"{RateLimitedApi.Reads}")
            .UseSetting("ForwardedHeaders:Enabled", "true")
            .UseSetting("ForwardedHeaders:KnownProxies:0", Proxy)
            .UseSetting("ForwardedHeaders:KnownNetworks:0", ProxyNetwork)
            .ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new ConnectedFrom(IPAddress.Parse(connectedFrom)))));

    /// <summary>Uses up the read budget of <paramref name="client"/>: the last request is refused.</summary>
    private static async Task ExhaustAsync(WebApplicationFactory<Program> api, string client)
    {
        for (var i = 0; i < RateLimitedApi.Reads; i++)
        {
            await (await ReadAsync(api, client)).ReadJsonAsync(HttpStatusCode.OK);
        }

        await (await ReadAsync(api, client)).ReadProblemAsync(HttpStatusCode.TooManyRequests);
    }

    private static Task<HttpResponseMessage> ReadAsync(WebApplicationFactory<Program> api, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/predicates");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        return api.CreateClient().SendAsync(request);
    }

    private sealed class ConnectedFrom(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
