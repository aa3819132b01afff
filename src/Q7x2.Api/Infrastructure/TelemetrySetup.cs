using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// OpenTelemetry metrics for Prometheus: ASP.NET Core's (request durations, active requests, Kestrel connections), outgoing
/// HTTP, the .NET runtime's (GC, thread pool, exceptions) and EF Core's own meter, scraped at <c>/metrics</c> in the Prometheus
/// text format. Outside <c>/v1</c>, so no rate limit, cache or OpenAPI operation applies to it.
/// </summary>
internal static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddQ7x2Telemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("q7x2-api"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapQ7x2Metrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        return app;
    }
}
