using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>
/// Hosted services start concurrently, so the server takes connections while the database is still being migrated: the gate
/// holds each request until the host has started, and answers 503 if the host stops instead.
/// </summary>
public sealed class StartedGateTests
{
    [Fact]
    public async Task ARequestBeforeTheHostHasStartedWaitsForIt()
    {
        var (lifetime, pipeline) = Pipeline();
        var context = Context();

        var request = pipeline(context);
        await Task.Delay(50);
        Assert.False(request.IsCompleted);

        lifetime.NotifyStarted();
        await request.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("served", context.Items["handler"]);
    }

    [Fact]
    public async Task ARequestAfterTheHostHasStartedIsServedAtOnce()
    {
        var (lifetime, pipeline) = Pipeline();
        lifetime.NotifyStarted();
        var context = Context();

        await pipeline(context).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("served", context.Items["handler"]);
    }

    [Fact]
    public async Task ARequestWaitingWhenTheHostStopsInsteadGetsA503Problem()
    {
        var (lifetime, pipeline) = Pipeline();
        var context = Context();

        var request = pipeline(context);
        lifetime.StopApplication();
        await request.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        Assert.False(context.Items.ContainsKey("handler"));
    }

    private static (ApplicationLifetime Lifetime, RequestDelegate Pipeline) Pipeline()
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var services = new ServiceCollection().AddLogging().AddProblemDetails()
            .AddSingleton<IHostApplicationLifetime>(lifetime).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseQ7x2StartedGate();
        app.Run(context =>
        {
            context.Items["handler"] = "served";
            return Task.CompletedTask;
        });
        return (lifetime, app.Build());
    }

    private static DefaultHttpContext Context(IServiceProvider? services = null)
    {
        var context = new DefaultHttpContext { RequestServices = services ?? new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        return context;
    }
}
