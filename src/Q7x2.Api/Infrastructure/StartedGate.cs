namespace Q7x2.Api.Infrastructure;

internal static class StartedGate
{
    /// <summary>
    /// Hosted services start concurrently: the server builds its pipeline and opens its port while the database is migrated and
    /// the data version read. A request that arrives before every hosted service has started waits for it; if the start fails
    /// and the host stops instead, it gets a 503 problem.
    /// </summary>
    public static IApplicationBuilder UseQ7x2StartedGate(this IApplicationBuilder app)
    {
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        var outcome = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => outcome.TrySetResult(true));
        lifetime.ApplicationStopping.Register(() => outcome.TrySetResult(false));
        return app.Use(async (context, next) =>
        {
            if (!outcome.Task.IsCompletedSuccessfully)
            {
                await outcome.Task.WaitAsync(context.RequestAborted);
            }

            if (!outcome.Task.Result)
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                    detail: "The service did not start and is stopping.", type: ProblemSetup.TypeFor(StatusCodes.Status503ServiceUnavailable))
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }
}
