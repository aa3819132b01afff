using System.Text.Json.Nodes;
using Json.Schema;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.OpenApi;

/// <summary>The document says what the API does: required parameters, nullable members a 2020-12 validator accepts, every status.</summary>
public sealed class OpenApiContractTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

    [Theory]
    [InlineData("/v1/search", "q")]
    [InlineData("/v1/search/suggest", "prefix")]
    public async Task ParametersTheApiRequiresAreMarkedRequired(string path, string name)
    {
        var document = await DocumentAsync();

        var parameter = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;

        Assert.True(parameter["required"]?.GetValue<bool>());
        var answer = await factory.CreateClient().GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{ "id": "sadyr-japarov" }""")]
    public async Task ARevisionsBeforeAndAfterAcceptNullAndARecord(string value)
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var revision = schemas.Single(s => s.Value!["properties"]?["before"] is not null).Value!.AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = schemas.DeepClone(),
            ["$ref"] = "#/$defs/" + schemas.Single(s => s.Value == revision).Key,
        };
        var schema = JsonSchema.FromText(root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://q7x2.test/revision"));
        var instance = JsonNode.Parse($$"""
            { "cursor": "c", "position": 1, "resource": "people", "id": "x", "operation": "create", "actor": "a", "at": "2025-07-08T00:00:00Z",
              "before": {{value}}, "after": {{value}} }
            """)!;

        using var json = System.Text.Json.JsonDocument.Parse(instance.ToJsonString());
        Assert.True(schema.Evaluate(json.RootElement, new EvaluationOptions()).IsValid);
        Assert.Null(revision["properties"]!["before"]!["oneOf"]);
    }

    [Fact]
    public async Task EveryReadDocumentsNotModifiedAndEveryOperationDocumentsBadRequest()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var responses = operation!["responses"]!.AsObject();
                Assert.True(responses.ContainsKey("400"), $"{method} {path} has no 400");
                // Every read but the dump, which is streamed with no ETag and documents no 304 (it never answers one).
                Assert.True(method != "get" || !path.StartsWith("/v1", StringComparison.Ordinal) || responses.ContainsKey("304") == (path != "/v1/export"),
                    $"{method} {path}: 304 documented {responses.ContainsKey("304")}");
            }
        }
    }

    [Fact]
    public async Task EveryOperationUnderV1DocumentsItsRateLimitAndTimeoutProblems()
    {
        var document = await DocumentAsync();

        foreach (var (path, item) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/v1", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var status in new[] { "429", "503" })
                {
                    var response = operation!["responses"]![status];
                    Assert.True(response is not null, $"{method} {path} has no {status}");
                    Assert.NotNull(response["content"]?["application/problem+json"]);
                }
            }
        }
    }
}
