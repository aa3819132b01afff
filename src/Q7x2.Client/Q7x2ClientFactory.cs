using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Q7x2.Client;

/// <summary>
/// Creates a <see cref="Q7x2Client"/> over an API at a given address: reads need no key, writes send one in <c>X-Api-Key</c>.
/// Kiota's default middleware (retry, redirect, headers inspection…) sits in front of the handler given.
/// </summary>
public static class Q7x2ClientFactory
{
    /// <summary>The header that carries an API key with the curator or admin role.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <param name="baseAddress">The API's origin, such as <c>http://localhost:5080</c>.</param>
    /// <param name="apiKey">A key with the curator or admin role for writes; null for reads only.</param>
    /// <param name="handler">The innermost handler (tests pass their own); null for a plain socket handler.</param>
    public static Q7x2Client Create(Uri baseAddress, string? apiKey = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        IAuthenticationProvider authentication = apiKey is null
            ? new AnonymousAuthenticationProvider()
            : new ApiKeyAuthentication(apiKey);
        var httpClient = KiotaClientFactory.Create(handler);
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: httpClient)
        {
            BaseUrl = baseAddress.GetLeftPart(UriPartial.Authority) + baseAddress.AbsolutePath.TrimEnd('/'),
        };
        return new Q7x2Client(adapter);
    }
}
