using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(Q7x2Db db, CancellationToken ct)
    {
        string? problem = null;
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                problem = "The database cannot be reached.";
            }
            else if ((await db.Database.GetPendingMigrationsAsync(ct)).ToList() is { Count: > 0 } pending)
            {
                problem = $"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.";
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            problem = $"The database cannot be reached: {e.Message}";
        }

        return problem is null
            ? TypedResults.Ok(new HealthResponse("ready"))
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: problem,
                type: ProblemSetup.TypeFor(StatusCodes.Status503ServiceUnavailable));
    }
}
