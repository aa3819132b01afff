using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// For every read under /v1: a strong ETag computed from the response body, <c>If-None-Match</c> answered
/// with 304, a Cache-Control fit for read-mostly data, and HEAD answered wherever GET is.
/// The ETag is a hash of what the client would receive, so it changes exactly when the representation does.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    public const string CacheControl = "public, max-age=60, must-revalidate";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!(isHead || HttpMethods.IsGet(request.Method)) || !request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            if (isHead)
            {
                request.Method = HttpMethods.Head;
            }
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue(ETags.Of(buffer.ToArray()));
            response.Headers.ETag = etag.ToString();
            response.Headers.CacheControl = CacheControl;
            if (Matches(request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ContentType = default;
                response.ContentLength = null;
                return;
            }
        }

        if (buffer.Length == 0)
        {
            return; // nothing written: status code pages may still write a problem body
        }

        response.ContentLength = buffer.Length;
        if (!isHead)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    }

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
}
