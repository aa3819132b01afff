using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The outermost step for reads under /v1: HEAD is answered as a GET without its body (so it shares the GET's cache
/// entry), and a conditional GET whose <c>If-None-Match</c> matches the fresh representation becomes 304 here — after
/// the output cache stored the full 200, so the next request is a hit. A hit with a matching tag is answered with 304
/// by the output cache itself.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    /// <summary>A GET (or HEAD, seen as GET) under /v1: what gets an ETag, compression and the output cache.</summary>
    public static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/v1");

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!(isHead || HttpMethods.IsGet(request.Method)) || !request.Path.StartsWithSegments("/v1")
            || (!isHead && request.Headers.IfNoneMatch.Count == 0))
        {
            await next(context);
            return;
        }

        var conditional = new ConditionalGet();
        context.Features.Set(conditional);
        var response = context.Response;
        var body = response.Body;
        using var buffer = new PooledBody();
        response.Body = buffer;
        request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
            if (isHead)
            {
                request.Method = HttpMethods.Head;
            }
        }

        if (conditional.NotModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentType = default;
            response.Headers.ContentEncoding = default;
            response.ContentLength = null;
            return;
        }

        if (!isHead && buffer.Length > 0)
        {
            await body.WriteAsync(buffer.Written, context.RequestAborted);
        }
    }

    /// <summary>Whether an <c>If-None-Match</c> header matches <paramref name="etag"/> (weak comparison, as RFC 9110 asks).</summary>
    public static bool Matches(HttpRequest request, string etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
}

/// <summary>Set by <see cref="RepresentationMiddleware"/> when the fresh representation matches <c>If-None-Match</c>.</summary>
internal sealed class ConditionalGet
{
    public bool NotModified { get; set; }
}
