using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.OpenApi;

/// <summary>
/// The response examples in the OpenAPI document are real: each is what the API answers to its request.
/// After an intended change of a response, regenerate them with <c>Q7X2_UPDATE_EXAMPLES=1 dotnet test</c>;
/// for a new operation, add <c>"OperationId": { "request": "/v1/…", "response": null }</c> to the file first.
/// </summary>
public sealed class ResponseExampleTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static readonly string ExamplesPath = Path.Combine(Repository.Root, "src", "Q7x2.Api", "Infrastructure", "OpenApiExamples.json");

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EveryReadOperationHasAnExampleThatIsWhatTheApiAnswers()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(ExamplesPath))!.AsObject();
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name == "get"))
            // JSON answers only: the NDJSON dump is checked line by line by DumpTests.
            .Where(o => o.Value.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _))
            .Select(o => o.Value.GetProperty("operationId").GetString()!)
            .ToList();

        var missing = operations.Where(o => !file.ContainsKey(o)).ToList();
        var stale = new List<string>();
        foreach (var (operation, example) in file)
        {
            var request = example!["request"]!.GetValue<string>();
            var response = await _client.GetAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation}: GET {request} answered {(int)response.StatusCode}");
            var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            if (!JsonNode.DeepEquals(Comparable(actual), Comparable(example["response"])))
            {
                stale.Add(operation);
                example["response"] = actual;
            }
        }

        // The examples are SQLite's answers (the default engine); the PostgreSQL run only compares.
        if (Environment.GetEnvironmentVariable("Q7X2_UPDATE_EXAMPLES") == "1" && stale.Count > 0 && !Q7x2ApiFactory.OnPostgres)
        {
            await File.WriteAllTextAsync(ExamplesPath, file.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n");
            stale.Clear();
        }

        Assert.True(missing.Count == 0, $"operations without an example in OpenApiExamples.json: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"examples that are not what the API answers (Q7X2_UPDATE_EXAMPLES=1 rewrites them): {string.Join(", ", stale)}");
        Assert.DoesNotContain(operations, o => !file.ContainsKey(o));
    }

    [Fact]
    public async Task TheDocumentShowsTheExampleOnTheOkResponse()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        var example = document.GetProperty("paths").GetProperty("/v1/people/{id}").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Equal("sadyr-japarov", example.GetProperty("id").GetString());
    }

    /// <summary>
    /// The response with the commit time (`at`) of each of the seed's revisions blanked: they are committed when the test's database
    /// is seeded, so an example keeps the time of the run that wrote it. On PostgreSQL, a search hit's score and snippet are blanked
    /// too, with the page's cursor, which holds a score: they are each engine's own (ts_rank and ts_headline; README, Search on
    /// PostgreSQL). Everything else must be equal.
    /// </summary>
    private static JsonNode? Comparable(JsonNode? node)
    {
        var copy = node?.DeepClone();
        foreach (var item in copy?["items"] is JsonArray items ? items.OfType<JsonObject>() : [])
        {
            if (item.ContainsKey("at") && (string?)item["actor"] == "seed")
            {
                item["at"] = "";
            }

            if (Q7x2ApiFactory.OnPostgres && item.ContainsKey("score") && item.ContainsKey("snippet"))
            {
                item["score"] = 0;
                item["snippet"] = "";
                copy!["next"] = ""; // the cursor holds the last hit's score
            }
        }

        return copy;
    }
}
