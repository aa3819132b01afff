using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Telemetry;

/// <summary>The Prometheus scrape endpoint and the W3C trace id in problems.</summary>
public sealed class TelemetryTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task MetricsAreScrapedInThePrometheusFormatWithRequestDurationsByRoute()
    {
        // With a key, so the read is never an output-cache hit (a hit is recorded without its route).
        using var keyed = factory.CreateClient().WithKey(TestKeys.Reader);
        (await keyed.GetAsync("/v1/people?limit=1")).EnsureSuccessStatusCode();

        // The duration is recorded once the response is done, and the exporter serves a scrape from its cache for a while
        // (another test may just have scraped): scraped again until this request's line shows, for at most 10 s. (Waiting for the
        // route alone was not enough: another test's request to it with another status made the route show without this one.)
        HttpResponseMessage response;
        string body;
        List<string> durations;
        var until = DateTime.UtcNow.AddSeconds(10);
        do
        {
            response = await _client.GetAsync("/metrics");
            body = await response.Content.ReadAsStringAsync();
            durations = [.. body.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal))];
            if (durations.Any(IsPeopleListOk))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(durations, IsPeopleListOk);
        Assert.Contains(body.Split('\n'), l => l.StartsWith("dotnet_gc_", StringComparison.Ordinal));
        Assert.Contains("service_name=\"q7x2-api\"", body, StringComparison.Ordinal);
    }

    private static bool IsPeopleListOk(string line) =>
        line.Contains("http_route=\"/v1/people/\"", StringComparison.Ordinal) && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal);

    [Fact]
    public async Task MetricsAreNeitherRateLimitedNorInTheOpenApiDocument()
    {
        var response = await _client.GetAsync("/metrics");
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("RateLimit"));
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("metrics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProblemCarriesTheW3CTraceIdTheCallerSent()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/people/no-such-person");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-b7ad6b7169203331-01");

        var problem = await (await _client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(traceId, problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task WithoutATraceparentAProblemCarriesANewW3CTraceId()
    {
        var problem = await (await _client.GetAsync("/v1/people/no-such-person")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
    }

    /// <summary>
    /// With an OTLP endpoint configured, each request is a server span with its route, and the EF Core commands it sends are
    /// spans of the same trace: the trace id a problem reports finds them.
    /// </summary>
    [Fact]
    public async Task WithAnOtlpEndpointRequestsAndTheirSqlAreSpansOfOneTrace()
    {
        var spans = new List<Activity>();
        using var traced = factory.WithWebHostBuilder(b => b
            .UseSetting("Telemetry:Otlp:Endpoint", "http://127.0.0.1:9")
            .UseSetting("Caching:Enabled", "false")
            .ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        using var client = traced.CreateClient();

        var problem = await (await client.GetAsync("/v1/people/no-such-person")).ReadProblemAsync(HttpStatusCode.NotFound);
        var traceId = problem.GetProperty("traceId").GetString();
        traced.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var trace = spans.Where(s => s.TraceId.ToHexString() == traceId).ToList();
        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/v1/people/{id}", server.GetTagItem("http.route"));
        Assert.Equal(404, server.GetTagItem("http.response.status_code"));
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && s.ParentSpanId == server.SpanId && Equals(s.GetTagItem("db.system"), DbSystem));
    }

    /// <summary>The engine's name in a command span (OpenTelemetry's semantic conventions).</summary>
    private static string DbSystem => Q7x2ApiFactory.OnPostgres ? "postgresql" : "sqlite";

    [Fact]
    public void WithoutAnOtlpEndpointNoSpansAreRecorded() => Assert.Null(factory.Services.GetService<TracerProvider>());
}
