using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Q7x2.Client;

/// <summary>
/// Sends an API key in <c>X-Api-Key</c>: over https, or over plain http only to a loopback address (a server on this machine,
/// as <c>dotnet run</c> starts), never in clear across a network. Kiota's own API-key provider refuses http altogether.
/// </summary>
internal sealed class ApiKeyAuthentication(string key) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.URI;
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new InvalidOperationException(
                $"An API key is sent only over https or to a loopback address, not to {uri.GetLeftPart(UriPartial.Authority)}.");
        }

        request.Headers.TryAdd(Q7x2ClientFactory.ApiKeyHeader, key);
        return Task.CompletedTask;
    }
}
