using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// What every response carries and who may call from where: <c>nosniff</c>, a CSP for Swagger UI, <c>no-store</c> on problems and
/// writes, CORS (anonymous reads from any origin, writes only from <c>Cors:WriteOrigins</c>), forwarded headers when
/// <c>ForwardedHeaders:Enabled</c> (from <c>KnownProxies</c> by address and <c>KnownNetworks</c> by CIDR), and a request timeout (<c>RequestTimeouts:Seconds</c>; writes <c>RequestTimeouts:WriteSeconds</c>) answered with a 503 problem.
/// </summary>
internal static class HttpPosture
{
    /// <summary>Swagger UI loads its own scripts and styles from /swagger and the document from /openapi; its inline styles need 'unsafe-inline'.</summary>
    public const string SwaggerContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] RateLimitHeaders = ["RateLimit", "RateLimit-Policy", "Retry-After"];

    public static IServiceCollection AddQ7x2HttpPosture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider>(new ReadsAndWritesCorsPolicies(
            configuration.GetSection("Cors:WriteOrigins").Get<string[]>() ?? []));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            // Proxies by network (CIDR): a container's address is not fixed, its network's is.
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        var seconds = configuration.GetValue<double?>("RequestTimeouts:Seconds") ?? 10;
        var writeSeconds = configuration.GetValue<double?>("RequestTimeouts:WriteSeconds") ?? DefaultWriteSeconds;
        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = TimeoutPolicy(seconds);
            options.AddPolicy(WritesTimeoutPolicy, TimeoutPolicy(writeSeconds));
        });
        return services;
    }

    /// <summary>The request timeout of writes (<c>RequestTimeouts:WriteSeconds</c>), set on every write endpoint.</summary>
    public const string WritesTimeoutPolicy = "writes";

    /// <summary>
    /// A write's default time: a writer may wait for the write lock as long as SQLite's <c>busy_timeout</c>
    /// (<see cref="Q7x2.Data.WriteTransactions.BusyTimeoutMilliseconds"/>), then needs time for its own statements. With the reads'
    /// 10 s, writers queued behind a process's first write (which compiles EF Core's write path while it holds the lock) or behind
    /// another process's transaction were stopped with a 503 long before that wait was over.
    /// </summary>
    private const double DefaultWriteSeconds = Q7x2.Data.WriteTransactions.BusyTimeoutMilliseconds / 1000.0 + 15;

    private static RequestTimeoutPolicy TimeoutPolicy(double seconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(seconds),
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = context => WriteTimeoutProblemAsync(context, seconds),
    };

    private static Task WriteTimeoutProblemAsync(HttpContext context, double seconds)
    {
        // The request's token is still the expired timeout's, which would cancel writing the problem itself.
        context.RequestAborted = CancellationToken.None;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Request timed out",
                Detail = $"The request took longer than {seconds:0.###} s and was stopped; nothing it started is left running. Narrow it or retry later.",
            },
        }).AsTask();
    }

    /// <summary>First in the pipeline, so that every response, errors included, carries the headers.</summary>
    public static WebApplication UseQ7x2Headers(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("ForwardedHeaders:Enabled"))
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var response = context.Response;
                response.Headers.XContentTypeOptions = "nosniff";
                if (context.Request.Path.StartsWithSegments("/swagger"))
                {
                    response.Headers.ContentSecurityPolicy = SwaggerContentSecurityPolicy;
                }

                var method = context.Request.Method;
                var write = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
                if (write || response.ContentType?.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase) == true)
                {
                    response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>Before the output cache: CORS, then who the client is and its budget.</summary>
    public static WebApplication UseQ7x2Access(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseQ7x2RateLimiting();
        return app;
    }

    /// <summary>After routing: the endpoint's authorization, then the time limit of the work it does.</summary>
    public static WebApplication UseQ7x2EndpointGuards(this WebApplication app)
    {
        app.UseAuthorization();
        app.UseRequestTimeouts();
        app.UseSqliteInterruptAsCancellation();
        app.UseQ7x2QueryValueGuard();
        return app;
    }

    /// <summary>
    /// Reads (GET, HEAD) from any origin, without credentials; writes only from the configured origins. A preflight is judged by the method it
    /// asks for, so a write's preflight from another origin gets no <c>Access-Control-Allow-Origin</c>.
    /// </summary>
    private sealed class ReadsAndWritesCorsPolicies(string[] writeOrigins) : ICorsPolicyProvider
    {
        private readonly CorsPolicy _reads = new CorsPolicyBuilder().AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders([HeaderNames.ETag, HeaderNames.Link, .. RateLimitHeaders]).Build();

        private readonly CorsPolicy _writes = new CorsPolicyBuilder().WithOrigins(writeOrigins).WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("X-Api-Key", HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.Accept)
            .WithExposedHeaders([HeaderNames.ETag, HeaderNames.Link, HeaderNames.Location, .. RateLimitHeaders]).Build();

        public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
        {
            var request = context.Request;
            var method = HttpMethods.IsOptions(request.Method) ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
            var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            return Task.FromResult<CorsPolicy?>(read ? _reads : _writes);
        }
    }
}
