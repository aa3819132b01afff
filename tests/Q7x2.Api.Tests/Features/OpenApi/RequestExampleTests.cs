using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.OpenApi;

/// <summary>
/// Every write documents its body as the API's own input type (PersonInput…, never a seed file's Seed* type) with an
/// example from the seed that the API accepts as documented: Swagger UI's "Try it out" works for every write.
/// </summary>
public sealed class RequestExampleTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    [Fact]
    public async Task EveryWriteBodyIsAnApiInputWhoseExampleTheApiAccepts()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var document = JsonNode.Parse(await (await curator.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var checkedWrites = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "post" or "put" or "patch"))
            {
                var name = operation!["operationId"]!.GetValue<string>();
                var content = operation["requestBody"]?["content"]?.AsObject();
                Assert.True(content is { Count: > 0 }, $"{name} documents no request body");
                foreach (var (mediaType, media) in content!)
                {
                    var reference = media!["schema"]?["$ref"]?.GetValue<string>() ?? "";
                    var schema = reference.Split('/')[^1];
                    Assert.True(schema.EndsWith("Input", StringComparison.Ordinal) && schemas.ContainsKey(schema),
                        $"{name} ({mediaType}) takes '{reference}', not an API input type");
                    Assert.DoesNotContain("Seed", schemas[schema]!.ToJsonString(), StringComparison.Ordinal);
                    var example = media["example"]?.AsObject();
                    Assert.True(example is not null, $"{name} ({mediaType}) has no request example");

                    var status = await SendAsync(curator, method, path, mediaType, example!);
                    Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{name}: its example answered {(int)status}");
                    checkedWrites.Add(name);
                }
            }
        }

        Assert.Equal(30, checkedWrites.Count); // ten resources: create, replace and patch
    }

    /// <summary>A create sends the example under a new id; a replace or patch sends it to its own record with that record's ETag.</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string path, string mediaType, JsonObject example)
    {
        var body = (JsonObject)example.DeepClone();
        var id = body["id"]!.GetValue<string>();
        if (method == "post")
        {
            body["id"] = $"{id}-copy";
            return (await client.PostAsync(path, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, mediaType))).StatusCode;
        }

        var url = path.Replace("{id}", id, StringComparison.Ordinal);
        var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, mediaType);
        return (await client.SendAsync(method == "put" ? HttpMethod.Put : HttpMethod.Patch, url, content, await client.ETagAsync(url))).StatusCode;
    }
}
