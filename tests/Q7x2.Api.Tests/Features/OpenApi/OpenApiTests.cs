using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.OpenApi;

public sealed class OpenApiTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheDocumentIsOpenApi31AndDescribesEveryOperation()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/sources", "/v1/sources/{id}", "/health/live", "/health/ready" })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("operationId").GetString()), path);
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), path);
            Assert.False(string.IsNullOrEmpty(get.GetProperty("description").GetString()), path);
        }

        Assert.True(paths.GetProperty("/v1/sources/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task TheHeadersOfTheContractAreDocumented()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Method: o.Name, Path: p.Name, Operation: o.Value)))
            .ToList();
        static bool HasHeader(JsonElement operation, string name, bool required) =>
            operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p =>
                p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == name
                && (p.TryGetProperty("required", out var r) && r.GetBoolean()) == required);
        static bool Sends(JsonElement operation, string status, string header) =>
            operation.GetProperty("responses").TryGetProperty(status, out var response)
            && response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(header, out _);

        var writes = operations.Where(o => o.Method is "put" or "patch" or "delete").ToList();
        Assert.Equal(30, writes.Count);
        Assert.All(writes, w => Assert.True(HasHeader(w.Operation, "If-Match", required: true), $"{w.Method} {w.Path}: If-Match"));
        var conditionalReads = operations.Where(o => o.Method == "get" && o.Operation.GetProperty("responses").TryGetProperty("304", out _)).ToList();
        Assert.True(conditionalReads.Count > 40, $"{conditionalReads.Count} reads answer 304");
        Assert.All(conditionalReads, r => Assert.True(HasHeader(r.Operation, "If-None-Match", required: false) && Sends(r.Operation, "200", "ETag"), $"{r.Path}: If-None-Match, ETag"));
        var creates = operations.Where(o => o.Operation.GetProperty("responses").TryGetProperty("201", out _)).ToList();
        Assert.Equal(10, creates.Count);
        Assert.All(creates, c => Assert.True(Sends(c.Operation, "201", "Location") && Sends(c.Operation, "201", "ETag"), $"{c.Path}: Location, ETag"));
        Assert.True(Sends(operations.Single(o => o.Path == "/v1/people" && o.Method == "get").Operation, "200", "Link"));
        Assert.All(operations, o => Assert.True(Sends(o.Operation, "429", "Retry-After"), $"{o.Method} {o.Path}: Retry-After"));
    }

    [Fact]
    public async Task EveryParameterIsDescribedAndEverySortNamesItsFields()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var parameters = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Where(o => o.Value.TryGetProperty("parameters", out _))
            .SelectMany(o => o.Value.GetProperty("parameters").EnumerateArray().Select(p => (Operation: o.Value.GetProperty("operationId").GetString(), Parameter: p)))
            .ToList();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.False(
            string.IsNullOrWhiteSpace(p.Parameter.TryGetProperty("description", out var d) ? d.GetString() : null),
            $"{p.Operation}: parameter '{p.Parameter.GetProperty("name").GetString()}' has no description"));
        Assert.All(parameters.Where(p => p.Parameter.GetProperty("name").GetString() == "sort"),
            p => Assert.Contains("default", p.Parameter.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        var response = await _client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
