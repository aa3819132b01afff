using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The one ETag function: a strong tag made from the SHA-256 of a representation's bytes. Reads tag what they
/// send (ConditionalGetMiddleware); writes render the resource as its GET would and tag that, so an
/// <c>If-Match</c> compares against exactly the tag a client last saw.
/// </summary>
internal sealed class ETags(IOptions<JsonOptions> json)
{
    public static string Of(byte[] body) => $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(body))[..27]}\"";

    /// <summary>The tag of a GET response body <paramref name="representation"/>, serialized as the endpoint serializes it.</summary>
    public string OfRepresentation(object representation) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), json.Value.SerializerOptions));

    /// <summary>Whether an <c>If-Match</c> header value matches <paramref name="current"/> (<c>*</c> matches any existing resource).</summary>
    public static bool Matches(string ifMatch, string current) =>
        EntityTagHeaderValue.TryParseList([ifMatch], out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(current), useStrongComparison: true));
}
