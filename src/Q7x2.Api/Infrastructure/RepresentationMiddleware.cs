using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Makes the final bytes of a read under /v1, once per fill of the output cache (and per request when it is off or
/// bypassed): the body the endpoint wrote, compressed with gzip or Brotli when the client accepts it and the body is
/// worth it, a strong ETag (the hash of the uncompressed body, suffixed with the encoding: every encoding is a
/// representation of its own), <c>Cache-Control</c> and <c>Vary: Accept-Encoding</c>. Hits send what this stored.
/// </summary>
internal sealed class RepresentationMiddleware(RequestDelegate next, IResponseCompressionProvider compression)
{
    public const string CacheControl = "public, max-age=60, must-revalidate";

    /// <summary>Below this many bytes compression saves too little to pay for itself.</summary>
    public const int CompressFrom = 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ConditionalGetMiddleware.IsRead(context.Request))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new PooledBody();
        response.Body = buffer;

        // Only a streamed export writes past the buffer: other reads set no feature (an extra feature costs every request a list).
        var streamed = Streaming.IsStreamed(context.Request);
        if (streamed)
        {
            context.Features.Set(new StreamedBody(body));
        }

        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
            if (streamed)
            {
                context.Features.Set<StreamedBody>(null);
            }
        }

        if (buffer.Length == 0)
        {
            return; // nothing written (status code pages may still write a problem body), or streamed past the buffer (a CSV export)
        }

        var content = buffer.Written;
        var provider = Compression(context, content.Length);
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = ETags.Of(content.Span, provider?.EncodingName);
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            if (ConditionalGetMiddleware.Matches(context.Request, etag) && context.Features.Get<ConditionalGet>() is { } conditional)
            {
                conditional.NotModified = true;
            }
        }

        if (provider is not null)
        {
            content = Compress(provider, content.Span);
            response.Headers.ContentEncoding = provider.EncodingName;
        }

        response.ContentLength = content.Length;
        await body.WriteAsync(content, context.RequestAborted);
    }

    /// <summary>The encoding to send, or null for the body as it is; marks the response as varying by Accept-Encoding.</summary>
    private ICompressionProvider? Compression(HttpContext context, int length)
    {
        if (!compression.ShouldCompressResponse(context))
        {
            return null;
        }

        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        return length >= CompressFrom && compression.CheckRequestAcceptsCompression(context) ? compression.GetCompressionProvider(context) : null;
    }

    private static byte[] Compress(ICompressionProvider provider, ReadOnlySpan<byte> content)
    {
        using var compressed = new MemoryStream();
        using (var stream = provider.CreateStream(compressed))
        {
            stream.Write(content);
        }

        return compressed.ToArray();
    }
}
