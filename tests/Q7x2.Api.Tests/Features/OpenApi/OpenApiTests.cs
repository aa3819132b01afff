using System.Net;
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
