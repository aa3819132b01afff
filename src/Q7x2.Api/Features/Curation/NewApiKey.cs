using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Q7x2.Api.Features.Curation;

/// <summary><c>keys new</c>: makes a random key, prints it once with the configuration entry that holds only its hash.</summary>
internal static class NewApiKey
{
    public static int Print(string name, string role, IConfiguration configuration)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9._-]{1,100}$") || !ApiKeys.WriteRoles.Contains(role, StringComparer.Ordinal))
        {
            Console.Error.WriteLine("usage: keys new --name NAME --role curator|admin   (NAME: letters, digits, '.', '_' or '-')");
            return 2;
        }

        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var index = configuration.GetSection("Auth:Keys").GetChildren().Count();
        Console.WriteLine($"New API key for '{name}' ({role}); it is shown only now, store it safely:");
        Console.WriteLine();
        Console.WriteLine($"  {key}");
        Console.WriteLine();
        Console.WriteLine("Configuration (environment variables; only the hash is stored):");
        Console.WriteLine();
        Console.WriteLine($"Auth__Keys__{index}__Name={name}");
        Console.WriteLine($"Auth__Keys__{index}__Role={role}");
        Console.WriteLine($"Auth__Keys__{index}__Sha256={ApiKeys.Hash(key)}");
        Console.WriteLine();
        Console.WriteLine($"Clients send it as: X-Api-Key: {key}");
        return 0;
    }
}
