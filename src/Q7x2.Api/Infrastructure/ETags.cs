using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The one ETag function: a strong tag made from the SHA-256 of a representation's bytes. Reads tag what they
/// send (RepresentationMiddleware); writes render the resource as its GET would and tag that, so an
/// <c>If-Match</c> compares against exactly the tag a client last saw.
/// </summary>
internal sealed class ETags(IOptions<JsonOptions> json)
{
    private const int HashLength = 27;
    private static readonly string[] Encodings = ["br", "gzip"];

    /// <summary>The tag of <paramref name="body"/>; a compressed representation's tag adds its encoding (<c>"…-gzip"</c>).</summary>
    public static string Of(ReadOnlySpan<byte> body, string? encoding = null)
    {
        var hash = WebEncoders.Base64UrlEncode(SHA256.HashData(body))[..HashLength];
        return encoding is null ? $"\"{hash}\"" : $"\"{hash}-{encoding}\"";
    }

    /// <summary>The tag of a GET response body <paramref name="representation"/>, serialized as the endpoint serializes it.</summary>
    public string OfRepresentation(object representation) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), json.Value.SerializerOptions));

    /// <summary>Whether an <c>If-Match</c> header value matches <paramref name="current"/> (<c>*</c> matches any existing resource).</summary>
    public static bool Matches(string ifMatch, string current) =>
        EntityTagHeaderValue.TryParseList([ifMatch], out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || Identity(t).Compare(new EntityTagHeaderValue(current), useStrongComparison: true));

    /// <summary>The tag of the uncompressed representation a compressed one's tag was made from, so a client that read gzip can write.</summary>
    private static EntityTagHeaderValue Identity(EntityTagHeaderValue tag)
    {
        var value = tag.Tag.Value ?? "";
        var encoding = Encodings.FirstOrDefault(e => value.Length == HashLength + e.Length + 3 && value.EndsWith($"-{e}\"", StringComparison.Ordinal));
        return encoding is null ? tag : new EntityTagHeaderValue(value[..(HashLength + 1)] + "\"", tag.IsWeak);
    }
}
