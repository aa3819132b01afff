using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>The API keys every test host is configured with (hashed, as in production) and clients that send them.</summary>
internal static class TestKeys
{
    public const string Curator = "test-curator-key-1f4c8e";
    public const string Admin = "test-admin-key-77b2d0";
    public const string Reader = "test-reader-key-0c19aa";

    public static void Configure(IWebHostBuilder builder)
    {
        var keys = new[] { ("curator-ci", "curator", Curator), ("admin-ci", "admin", Admin), ("reader-ci", "reader", Reader) };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"Auth:Keys:{i}:Name", keys[i].Item1);
            builder.UseSetting($"Auth:Keys:{i}:Role", keys[i].Item2);
            builder.UseSetting($"Auth:Keys:{i}:Sha256", Hash(keys[i].Item3));
        }
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A client that sends <paramref name="key"/> in X-Api-Key.</summary>
    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent MergePatch(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/merge-patch+json"));
}
