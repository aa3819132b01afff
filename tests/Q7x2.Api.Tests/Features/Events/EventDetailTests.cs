using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Events;

public sealed class EventDetailTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Fact(JsonElement entity, string id) =>
        Assert.Single(entity.GetProperty("facts").EnumerateArray(), f => f.GetProperty("fact").GetProperty("id").GetString() == id);

    [Fact]
    public async Task GettingAnEventShowsItsKindFieldsFactsAndEvidence()
    {
        var visit = await (await _client.GetAsync("/v1/events/japarov-state-visit-to-tajikistan-2025")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("event", visit.GetProperty("kind").GetString());
        Assert.Equal("state-visit", visit.GetProperty("eventType").GetString());
        var date = visit.GetProperty("date");
        Assert.Equal(("July 8-9", "2025-07-08", "2025-07-09", "day", "inferred"), (date.GetProperty("text").GetString(), date.GetProperty("from").GetString(),
            date.GetProperty("to").GetString(), date.GetProperty("precision").GetString(), date.GetProperty("basis").GetString()));
        Assert.False(string.IsNullOrEmpty(date.GetProperty("note").GetString()));
        Assert.Equal("country", visit.GetProperty("place").GetProperty("kind").GetString());
        Assert.Equal(["sadyr-japarov", "emomali-rahmon", "rustam-emomali"],
            visit.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, visit.GetProperty("partOf").ValueKind);
        var followed = Fact(visit, "japarov-visit-followed-rahmon-visit");
        Assert.Equal(("subject", "followed"), (followed.GetProperty("role").GetString(), followed.GetProperty("label").GetString()));
        Assert.Equal("rahmon-state-visit-to-kyrgyzstan-2025", followed.GetProperty("fact").GetProperty("object").GetProperty("id").GetString());
        Assert.Contains(visit.GetProperty("evidence").EnumerateArray(), v => v.GetProperty("exact").GetString() == "Japarov just concluded a two-day visit to Tajikistan");
        Assert.All(visit.GetProperty("facts").EnumerateArray(), f => Assert.NotEmpty(f.GetProperty("fact").GetProperty("evidence").EnumerateArray()));
    }

    [Fact]
    public async Task GettingAnEventShowsWhatItWasPartOfAndFactsWhereItIsTheObject()
    {
        var welcome = await (await _client.GetAsync("/v1/events/japarov-airport-welcome-2025")).ReadJsonAsync(HttpStatusCode.OK);
        var rahmonVisit = await (await _client.GetAsync("/v1/events/rahmon-state-visit-to-kyrgyzstan-2025")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("japarov-state-visit-to-tajikistan-2025", welcome.GetProperty("partOf").GetProperty("id").GetString());
        Assert.Equal("Dushanbe airport", welcome.GetProperty("place").GetProperty("name").GetString());
        var followedBy = Fact(rahmonVisit, "japarov-visit-followed-rahmon-visit");
        Assert.Equal(("object", "followed by"), (followedBy.GetProperty("role").GetString(), followedBy.GetProperty("label").GetString()));
    }

    [Theory]
    [InlineData("no-such-event")]
    [InlineData("sadyr-japarov")]
    [InlineData("kyrgyz-tajik-agreements-2025")]
    public async Task GettingAnUnknownEventIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/events/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2025-02-01&to=2025-01-31", "from")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=2025-02-30", "to")]
    [InlineData("to=8%20July%202025", "to")]
    [InlineData("type=war", "type")]
    [InlineData("participant=Sadyr%20Japarov", "participant")]
    [InlineData("place=Dushanbe", "place")]
    [InlineData("country=kg!", "country")]
    [InlineData("sort=place", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("venue=dushanbe", "venue")]
    public async Task ListingEventsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/events?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task ACursorFromAnotherSortIsRejected()
    {
        var first = await (await _client.GetAsync("/v1/events?limit=1")).ReadJsonAsync(HttpStatusCode.OK);

        var problem = await (await _client.GetAsync($"/v1/events?limit=1&sort=name&cursor={first.GetProperty("next").GetString()}"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task TheEventOperationsAreDocumentedWithExamples()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        var list = document.GetProperty("paths").GetProperty("/v1/events").GetProperty("get");
        Assert.Equal("ListEvents", list.GetProperty("operationId").GetString());
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("sadyr-japarov", parameters["participant"].GetProperty("example").GetString());
        Assert.Equal("2025-01-01", parameters["from"].GetProperty("example").GetString());
        Assert.Contains("overlap", parameters["from"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        var detail = document.GetProperty("paths").GetProperty("/v1/events/{id}").GetProperty("get");
        Assert.Equal("GetEvent", detail.GetProperty("operationId").GetString());
        Assert.True(detail.GetProperty("responses").TryGetProperty("404", out _));
    }
}
