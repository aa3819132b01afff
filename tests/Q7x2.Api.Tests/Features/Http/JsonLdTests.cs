using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>The JSON-LD representation; CI also expands these answers with jsonld.js in safe mode (.ci/jsonld-check).</summary>
public sealed class JsonLdTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Origin = "http://localhost";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ADetailIsTheJsonWithItsContextAndEveryRecordItNamesIdentifiedAndTyped()
    {
        var ld = await GetLdAsync("/v1/people/sadyr-japarov");

        Assert.Equal($"{Origin}/v1/context.jsonld", (string)ld["@context"]!);
        Assert.Equal($"{Origin}/v1/people/sadyr-japarov", (string)ld["@id"]!);
        Assert.Equal("Person", (string)ld["@type"]!);
        Assert.Equal($"{Origin}/v1/countries/kyrgyzstan", (string)ld["country"]!["@id"]!);
        Assert.Equal("Country", (string)ld["country"]!["@type"]!);
        var fact = ld["facts"]![0]!["fact"]!;
        Assert.Equal("Fact", (string)fact["@type"]!);
        Assert.Equal($"{Origin}/v1/facts/{(string)fact["id"]!}", (string)fact["@id"]!);
        var events = ld["backlinks"]!.AsArray().Single(g => (string)g!["relation"]! == "participant")!["items"]!.AsArray();
        Assert.All(events, e => Assert.Equal("Event", (string)e!["@type"]!));
    }

    [Fact]
    public async Task AListIsAnItemListOfIdentifiedRecords()
    {
        var ld = await GetLdAsync("/v1/observations?subject=kyrgyzstan&limit=3");

        Assert.Equal("ItemList", (string)ld["@type"]!);
        Assert.Equal($"{Origin}/v1/observations?subject=kyrgyzstan&limit=3", (string)ld["@id"]!);
        Assert.Equal(3, ld["items"]!.AsArray().Count);
        Assert.All(ld["items"]!.AsArray(), o =>
        {
            Assert.Equal("Observation", (string)o!["@type"]!);
            Assert.Equal($"{Origin}/v1/observations/{(string)o["id"]!}", (string)o["@id"]!);
        });
        Assert.NotNull(ld["next"]);
    }

    [Fact]
    public async Task EveryOperationThatServesJsonLdAnswersTheJsonPlusIdentificationAndOnlyTypesTheContextDefines()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var context = JsonNode.Parse(await _client.GetStringAsync("/v1/context.jsonld"))!["@context"]!.AsObject();
        var paths = document["paths"]!.AsObject()
            .Where(p => p.Value!["get"]?["responses"]?["200"]?["content"]?["application/ld+json"] is not null && p.Key != "/v1/context.jsonld"
                // W3C Web Annotations are JSON-LD of their own (SourceAnnotationTests).
                && !p.Key.Contains("/annotations", StringComparison.Ordinal))
            .Select(p => p.Key).ToList();

        Assert.Equal(20, paths.Count);
        foreach (var path in paths)
        {
            var url = path.Replace("{id}", SampleIds.For(path), StringComparison.Ordinal);
            var ld = await GetLdAsync(url);
            var json = JsonNode.Parse(await _client.GetStringAsync(url))!;

            Assert.True(JsonNode.DeepEquals(json, WithoutKeywords(ld)), $"{url}: the JSON-LD is not the JSON plus @-members");
            foreach (var record in Objects(ld).Where(o => o["id"] is JsonValue && (o["kind"] is not null || o["predicate"] is not null || o["metric"] is not null)))
            {
                Assert.True(record["@id"] is not null && record["@type"] is not null, $"{url}: {record["id"]} has no @id or @type");
            }

            foreach (var type in Objects(ld).Select(o => (string?)o["@type"]).OfType<string>())
            {
                Assert.True(context.ContainsKey(type), $"{url}: @type {type} is not a term of the context");
            }
        }
    }

    [Fact]
    public async Task TheContextIsSelfContained()
    {
        var response = await _client.GetAsync("/v1/context.jsonld");

        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var context = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["@context"]!.AsObject();
        Assert.Equal("urn:q7x2:vocab:", (string)context["@vocab"]!);
        Assert.Equal("https://schema.org/", (string)context["schema"]!);
        Assert.Equal("schema:Person", (string)context["Person"]!);
        Assert.DoesNotContain(context, t => t.Key == "@import");
        Assert.Equal("object", JsonValueKind(context)); // a map of terms, not a list of remote contexts
    }

    [Fact]
    public async Task JsonLdAndJsonNeverAnswerForEachOtherFromTheOutputCache()
    {
        using var cached = factory.WithWebHostBuilder(builder => builder.UseSetting("Caching:Enabled", "true"));
        var client = cached.CreateClient();
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal("application/json", (await client.GetAsync("/v1/events/khujand-summit-2025")).Content.Headers.ContentType?.MediaType);
            using var ld = new HttpRequestMessage(HttpMethod.Get, "/v1/events/khujand-summit-2025");
            ld.Headers.Add("Accept", "application/ld+json");
            var answer = await client.SendAsync(ld);
            Assert.Equal("application/ld+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.True(round == 0 || answer.Headers.Age is not null, "the JSON-LD answer is cached too, under its own key");
        }
    }

    [Fact]
    public async Task FieldsKeepTheJsonLdIdentification()
    {
        var ld = await GetLdAsync("/v1/facts?limit=2&fields=modality");

        Assert.All(ld["items"]!.AsArray(), f => Assert.Equal(["@id", "@type", "modality"], f!.AsObject().Select(m => m.Key)));
    }

    private async Task<JsonObject> GetLdAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", "application/ld+json");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonNode? WithoutKeywords(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(m => !m.Key.StartsWith('@')).Select(m => KeyValuePair.Create(m.Key, WithoutKeywords(m.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithoutKeywords)]),
        _ => node?.DeepClone(),
    };

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(m => m.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static string JsonValueKind(JsonNode node) => node.GetValueKind().ToString().ToLowerInvariant();
}
