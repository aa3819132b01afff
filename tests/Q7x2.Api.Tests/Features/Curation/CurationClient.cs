using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>Requests the curation tests repeat: conditional writes with the ETag of a fresh GET.</summary>
internal static class CurationClient
{
    public const string Article = Repository.ArticleId;

    public static async Task<string> ETagAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, HttpContent? content, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, JsonNode body) =>
        await client.SendAsync(HttpMethod.Put, url, TestKeys.Json(body.ToJsonString()), await client.ETagAsync(url));

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient client, string url, string patch) =>
        await client.SendAsync(HttpMethod.Patch, url, TestKeys.MergePatch(patch), await client.ETagAsync(url));

    public static async Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, bool ifMatch) =>
        await client.SendAsync(HttpMethod.Delete, url, null, ifMatch ? await client.ETagAsync(url) : null);

    /// <summary>A new person in the curated shape, quoting the article.</summary>
    public static JsonObject Person(string id, string name = "Sadyr Japarov (curated)") => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "name": "{{name}}", "aliases": [], "description": "A person added by a curator in a test.",
          "country": "kyrgyzstan", "role": "President",
          "evidence": [ { "source": "{{Article}}", "exact": "Kyrgyzstan’s President Sadyr Japarov" } ]
        }
        """)!.AsObject();

    /// <summary>A new fact about <paramref name="subject"/>, quoting the article.</summary>
    public static JsonObject Fact(string id, string subject = "sadyr-japarov") => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "subject": "{{subject}}", "predicate": "president-of", "object": "kyrgyzstan", "modality": "stated",
          "evidence": [ { "source": "{{Article}}", "exact": "Kyrgyzstan’s President Sadyr Japarov" } ]
        }
        """)!.AsObject();

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
