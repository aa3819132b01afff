using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Q7x2.Api.Infrastructure;

/// <summary>RFC 9457 problem details for every error, whatever produced it.</summary>
internal static class ProblemSetup
{
    public static IServiceCollection AddQ7x2Problems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Type ??= TypeFor(problem.Status ?? 500);
            problem.Instance ??= context.HttpContext.Request.Path;
            // The W3C trace id (32 hex digits): the one a caller's `traceparent` carries in, and log scopes carry.
            problem.Extensions["traceId"] = Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.HttpContext.TraceIdentifier;
        });
        // After the default writer, which writes only for a client that accepts JSON: a problem for any other Accept
        // (GraphML, CSV…) is still this API's problem+json, customised like every other.
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseQ7x2Problems(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad JSON or a body too large keep their own 400/413 instead of becoming 500.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>The RFC 9110 section of a status, in the form ASP.NET Core uses for its own problems.</summary>
    public static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    public static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no {what} with id '{id}'.");

    public static ProblemHttpResult BadParameter(string parameter, string detail) => TypedResults.Problem(
        new ValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest, Title = "One or more query parameters are invalid.", Detail = detail,
        });
}

/// <summary>
/// Writes a problem as <c>application/problem+json</c> whatever the request accepts. ASP.NET Core's own writer declines when the
/// <c>Accept</c> header names no JSON type, and <c>TypedResults.Problem</c> then writes the bare problem itself, without the
/// customisation above (no <c>instance</c>, no <c>traceId</c>): a client that asked the graph for GraphML got an error it
/// could not trace.
/// </summary>
internal sealed class AnyAcceptProblemWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // What the default writer fills in first: the response's status and its reason phrase as the title.
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}

/// <summary>Turns a request that cannot be bound (malformed number, bad JSON, body too large) into a problem with its own status.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        // Query values that do not parse are answered earlier, naming their parameter (QueryValueGuard).
        var problem = new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large." : "The request is malformed.",
            Detail = bad.Message,
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }
}
