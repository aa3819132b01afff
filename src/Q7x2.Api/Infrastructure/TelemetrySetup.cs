using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// OpenTelemetry. Metrics for Prometheus: ASP.NET Core's (request durations, active requests, Kestrel connections), outgoing
/// HTTP, the .NET runtime's (GC, thread pool, exceptions) and EF Core's own meter, scraped at <c>/metrics</c> in the Prometheus
/// text format, outside <c>/v1</c>, so no rate limit, cache or OpenAPI operation applies to it. Traces (ASP.NET Core, outgoing
/// HTTP, EF Core's commands) only when an OTLP endpoint is configured (<c>Telemetry:Otlp:Endpoint</c>, or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): with nowhere to send them, recording spans would only cost every request.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddQ7x2Telemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("q7x2-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddPrometheusExporter());

        var endpoint = configuration["Telemetry:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(options => options.Endpoint = otlp));
        }

        return services;
    }

    public static WebApplication MapQ7x2Metrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        return app;
    }
}
