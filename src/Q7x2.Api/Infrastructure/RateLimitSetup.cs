using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// <c>RateLimiting:*</c>: one budget per client (API key name, else remote address) for reads, search, writes and exports (a read
/// that asks for CSV: one request however long the list).
/// </summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;
    public RateLimitBudgetOptions Reads { get; set; } = new() { PermitsPerMinute = 600 };
    public RateLimitBudgetOptions Search { get; set; } = new() { PermitsPerMinute = 120 };
    public RateLimitBudgetOptions Writes { get; set; } = new() { PermitsPerMinute = 120 };
    public RateLimitBudgetOptions Exports { get; set; } = new() { PermitsPerMinute = 30 };
}

public sealed class RateLimitBudgetOptions
{
    public int PermitsPerMinute { get; set; }
}

/// <summary>
/// The built-in rate limiter, partitioned by (budget, client). Health, <c>/metrics</c>, the OpenAPI document and Swagger UI are outside
/// every budget. Each limited response says where the client stands (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Policy:
/// "reads";q=600;w=60</c> and <c>RateLimit: "reads";r=42;t=17</c>; a refusal is a 429 problem with <c>Retry-After</c>.
/// </summary>
internal static class RateLimitSetup
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddQ7x2RateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection("RateLimiting"))
            .Validate(o => o.Reads.PermitsPerMinute > 0 && o.Search.PermitsPerMinute > 0 && o.Writes.PermitsPerMinute > 0 && o.Exports.PermitsPerMinute > 0,
                "RateLimiting:Reads, :Search, :Writes and :Exports PermitsPerMinute must be positive.")
            .ValidateOnStart();
        services.AddSingleton<Budgets>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        services.AddOptions<RateLimiterOptions>().Configure<Budgets>((options, budgets) =>
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, BudgetKey>(http => budgets.KeyOf(http) is { } key
                ? RateLimitPartition.Get(key, budgets.Create)
                : RateLimitPartition.GetNoLimiter(default(BudgetKey))));
        return services;
    }

    /// <summary>After authentication (the client is the key's name) and before authorization (guessing keys costs budget too).</summary>
    public static WebApplication UseQ7x2RateLimiting(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseRateLimiter();
        app.Use((context, next) =>
        {
            var budgets = context.RequestServices.GetRequiredService<Budgets>();
            if (budgets.KeyOf(context) is { } key && budgets.Find(key) is { } limiter)
            {
                // Written as the response starts, after the output cache has taken (or replayed) its stored headers.
                context.Response.OnStarting(() =>
                {
                    var (remaining, reset) = limiter.State;
                    WriteHeaders(context.Response, key.Budget, limiter.Permits, remaining, reset);
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var budgets = http.RequestServices.GetRequiredService<Budgets>();
        var (budget, _) = budgets.KeyOf(http)!.Value;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : Window;
        var permits = budgets.PermitsOf(budget);
        var seconds = Seconds(retry);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        WriteHeaders(http.Response, budget, permits, 0, retry);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"This client's {budget} budget of {permits} requests per minute is used up; retry in {seconds} s.",
            },
        });
    }

    private static void WriteHeaders(HttpResponse response, string budget, int permits, int remaining, TimeSpan reset)
    {
        var window = (int)Window.TotalSeconds;
        response.Headers["RateLimit-Policy"] = $"\"{budget}\";q={permits};w={window}";
        response.Headers["RateLimit"] = $"\"{budget}\";r={remaining};t={Seconds(reset)}";
    }

    private static int Seconds(TimeSpan span) => Math.Max(0, (int)Math.Ceiling(span.TotalSeconds));

    /// <summary>Which budget a request draws on and whose it is; null for requests outside every budget.</summary>
    internal readonly record struct BudgetKey(string Budget, string Client);

    /// <summary>The live limiter of each (budget, client), so that every response can report where its client stands.</summary>
    internal sealed class Budgets(IOptions<RateLimitingOptions> options)
    {
        private readonly ConcurrentDictionary<BudgetKey, WindowLimiter> _live = new();

        public BudgetKey? KeyOf(HttpContext http)
        {
            var request = http.Request;
            if (!request.Path.StartsWithSegments("/v1") || HttpMethods.IsOptions(request.Method))
            {
                return null;
            }

            var budget = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ? "writes"
                : request.Path.StartsWithSegments("/v1/search") ? "search"
                : Streaming.IsStreamed(request) ? "exports"
                : "reads";
            var client = http.User.Identity is { IsAuthenticated: true, Name: { } name }
                ? $"key:{name}"
                : $"ip:{http.Connection.RemoteIpAddress}";
            return new BudgetKey(budget, client);
        }

        public int PermitsOf(string budget) => budget switch
        {
            "writes" => options.Value.Writes.PermitsPerMinute,
            "search" => options.Value.Search.PermitsPerMinute,
            "exports" => options.Value.Exports.PermitsPerMinute,
            _ => options.Value.Reads.PermitsPerMinute,
        };

        public WindowLimiter Create(BudgetKey key)
        {
            var limiter = new WindowLimiter(PermitsOf(key.Budget), Window, TimeProvider.System, l => _live.TryRemove(new KeyValuePair<BudgetKey, WindowLimiter>(key, l)));
            _live[key] = limiter;
            return limiter;
        }

        public WindowLimiter? Find(BudgetKey key) => _live.GetValueOrDefault(key);
    }
}
