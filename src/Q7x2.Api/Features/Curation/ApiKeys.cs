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
    public const string CuratorPolicy = "curator";
    public static readonly string[] WriteRoles = ["curator", "admin"];

    /// <summary>The <c>X-Api-Key</c> scheme, the <c>curator</c> policy, and key configuration checked when the host starts.</summary>
    public static IServiceCollection AddQ7x2ApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection("Auth")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddAuthentication(Scheme).AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(CuratorPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(WriteRoles));
        return services;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name of the key that authenticated this request (the principal's name).</summary>
    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "unknown";

    /// <summary>The configured key whose hash is the hash of <paramref name="presented"/>; every entry is compared in constant time.</summary>
    public static ApiKeyEntry? Find(string presented, AuthOptions options)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyEntry? found = null;
        foreach (var entry in options.Keys)
        {
            // Validated at start-up; an entry changed since (configuration reload) to something unusable matches nothing.
            if (IsSha256Hex(entry.Sha256) && CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(entry.Sha256)))
            {
                found ??= entry;
            }
        }

        return found;
    }

    public static bool IsSha256Hex(string s) => s.Length == 64 && s.All(char.IsAsciiHexDigit);
}

/// <summary>Every configured key is usable: a name, a role and a SHA-256 in hex. A bad entry stops the host and names the key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var what = string.IsNullOrWhiteSpace(key.Name) ? $"Auth:Keys:{i}" : $"Auth:Keys:{i} ('{key.Name}')";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{what}: Name is required (it is recorded as the actor of every write).");
            }
            else if (key.Name == Q7x2.Data.Entities.RecordOrigin.Seed)
            {
                failures.Add($"{what}: the name '{key.Name}' is the actor of the seed's own revisions; give the key another name.");
            }

            if (string.IsNullOrWhiteSpace(key.Role))
            {
                failures.Add($"{what}: Role is required ({string.Join(" or ", ApiKeys.WriteRoles)} may write).");
            }

            if (!ApiKeys.IsSha256Hex(key.Sha256))
            {
                failures.Add($"{what}: Sha256 must be the SHA-256 of the key as 64 hexadecimal digits; it has {key.Sha256.Length} characters"
                    + (key.Sha256.All(char.IsAsciiHexDigit) ? "." : " and some are not hexadecimal digits."));
            }
        }

        foreach (var duplicate in options.Keys.Where(k => k.Name.Length > 0).GroupBy(k => k.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"Auth:Keys: the name '{duplicate.Key}' is configured {duplicate.Count()} times; each key needs its own name.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
