using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Q7x2.Api.Features.Curation;

/// <summary>One configured key: <c>Auth:Keys:N:Name</c>, <c>…:Role</c> (curator or admin) and <c>…:Sha256</c> (lowercase hex of the key).</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Sha256 { get; set; } = "";
}

public sealed class AuthOptions
{
    public List<ApiKeyEntry> Keys { get; set; } = [];
}

internal static class ApiKeys
{
    public const string Header = "X-Api-Key";
    public const string Scheme = "ApiKey";
    public static readonly string[] WriteRoles = ["curator", "admin"];

    private const string ActorItem = "q7x2.actor";

    public static IServiceCollection AddQ7x2ApiKeys(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name of the key that authorised this request.</summary>
    public static string Actor(HttpContext http) => http.Items[ActorItem] as string ?? "unknown";

    /// <summary>Requires <c>X-Api-Key</c> with a write role: 401 when missing or unknown, 403 when the role may not write.</summary>
    public static TBuilder RequireCurator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresApiKey()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = Find(http.Request.Headers[Header].ToString(), http.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue);
            if (key is null)
            {
                http.Response.Headers.WWWAuthenticate = $"{Scheme} header=\"{Header}\"";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: $"Writes need an API key in the {Header} header.");
            }

            if (!WriteRoles.Contains(key.Role, StringComparer.Ordinal))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: $"The key '{key.Name}' has the role '{key.Role}'; writes need curator or admin.");
            }

            http.Items[ActorItem] = key.Name;
            return await next(context);
        });

    /// <summary>The configured key whose hash is the hash of <paramref name="presented"/>; every entry is compared in constant time.</summary>
    private static ApiKeyEntry? Find(string presented, AuthOptions options)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? found = null;
        foreach (var entry in options.Keys)
        {
            var expected = entry.Sha256.Length == 64 && IsHex(entry.Sha256) ? Convert.FromHexString(entry.Sha256) : new byte[32];
            if (CryptographicOperations.FixedTimeEquals(hash, expected) && entry.Sha256.Length == 64)
            {
                found ??= entry;
            }
        }

        return found;
    }

    private static bool IsHex(string s) => s.All(char.IsAsciiHexDigit);
}

/// <summary>Endpoint metadata: the operation needs an API key (the OpenAPI document says so).</summary>
internal sealed record RequiresApiKey;
