using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Timeline;

public sealed class TimelineProblemTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("from=2025-07-09&to=2025-07-08", "from")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=2025-00-10", "to")]
    [InlineData("to=07/09/2025", "to")]
    [InlineData("country=Tajikistan", "country")]
    [InlineData("person=sadyr japarov", "person")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=-date", "sort")]
    [InlineData("type=event", "type")]
    public async Task GettingTheTimelineWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/timeline?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task ACursorFromTheEventsListIsRejected()
    {
        var events = await (await _client.GetAsync("/v1/events?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        var problem = await (await _client.GetAsync($"/v1/timeline?cursor={events.GetProperty("next").GetString()}"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("timeline", problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTimelineOperationIsDocumentedWithExamples()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        var get = document.GetProperty("paths").GetProperty("/v1/timeline").GetProperty("get");
        Assert.Equal("GetTimeline", get.GetProperty("operationId").GetString());
        Assert.Contains("events before facts", get.GetProperty("description").GetString(), StringComparison.Ordinal);
        var parameters = get.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "If-None-Match");
        Assert.Equal(["asOf", "count", "country", "cursor", "fields", "format", "from", "limit", "person", "to"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("sadyr-japarov", parameters["person"].GetProperty("example").GetString());
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }
}
