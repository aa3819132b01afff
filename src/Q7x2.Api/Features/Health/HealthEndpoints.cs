using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Health;

/// <summary>Health of the service.</summary>
/// <param name="Status">live or ready.</param>
public sealed record HealthResponse(string Status);

internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", Live).WithName("GetLiveness")
            .WithSummary("Liveness")
            .WithDescription("200 while the process serves requests. Does not touch the database.")
            .ProducesValidationProblem();
        group.MapGet("/ready", Ready).WithName("GetReadiness")
            .WithSummary("Readiness")
            .WithDescription("200 when the database is reachable and every migration is applied; 503 problem otherwise.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Ok<HealthResponse> Live() => TypedResults.Ok(new HealthResponse("live"));

    /// <summary>Names the check that failed (<c>database</c> or <c>migrations</c>); exception text stays in the server's log.</summary>
    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(Q7x2Db db, ILogger<HealthResponse> logger, CancellationToken ct)
    {
        (string Check, string Detail)? failed = null;
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                failed = ("database", "The database cannot be reached.");
            }
            else if (await DatabaseCommands.PendingMigrationsAsync(db, ct) is { Count: > 0 } pending)
            {
                failed = ("migrations", $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.");
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "Readiness check 'database' failed");
            failed = ("database", "The database cannot be reached.");
        }

        return failed is not { } f
            ? TypedResults.Ok(new HealthResponse("ready"))
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: $"The '{f.Check}' check failed. {f.Detail}", type: ProblemSetup.TypeFor(StatusCodes.Status503ServiceUnavailable),
                extensions: new Dictionary<string, object?> { ["failedCheck"] = f.Check });
    }
}
