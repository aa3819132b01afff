using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>The API with one origin allowed to write.</summary>
public sealed class CorsApi : IDisposable
{
    public const string Curators = "https://curators.example";

    private readonly Q7x2ApiFactory _inner = new();

    public CorsApi() => Factory = _inner.WithWebHostBuilder(builder => builder.UseSetting("Cors:WriteOrigins:0", Curators));

    public WebApplicationFactory<Program> Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        _inner.Dispose();
    }
}

public sealed class CorsTests(CorsApi api) : IClassFixture<CorsApi>
{
    private Task<HttpResponseMessage> PreflightAsync(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/people");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return api.Factory.CreateClient().SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task AWritePreflightFromAnUnlistedOriginGetsNoAllowOrigin()
    {
        var response = await PreflightAsync("https://elsewhere.example", "POST", "x-api-key,content-type");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AWritePreflightFromAListedOriginIsAllowedWithTheKeyHeader()
    {
        var response = await PreflightAsync(CorsApi.Curators, "POST", "x-api-key,content-type,if-match");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(CorsApi.Curators, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("x-api-key", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AWriteFromAnUnlistedOriginCannotBeReadByThePage()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/people") { Content = TestKeys.Json("{}") };
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await api.Factory.CreateClient().WithKey(TestKeys.Curator).SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnonymousReadsAreOpenToAnyOriginAndExposeTheirHeaders()
    {
        var preflight = await PreflightAsync("https://any.example", "GET", "if-none-match");
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/people?limit=1");
        request.Headers.Add("Origin", "https://any.example");
        var response = await api.Factory.CreateClient().SendAsync(request);

        await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers").Split(',', StringSplitOptions.TrimEntries);
        foreach (var name in new[] { "ETag", "Link", "RateLimit", "RateLimit-Policy", "Retry-After" })
        {
            Assert.Contains(name, exposed, StringComparer.OrdinalIgnoreCase);
        }
    }
}
