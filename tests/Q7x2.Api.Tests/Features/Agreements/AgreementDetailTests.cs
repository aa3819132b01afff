using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Agreements;

public sealed class AgreementDetailTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonElement Fact(JsonElement entity, string id) =>
        Assert.Single(entity.GetProperty("facts").EnumerateArray(), f => f.GetProperty("fact").GetProperty("id").GetString() == id);

    [Fact]
    public async Task GettingAnAgreementShowsItsKindFieldsFactsAndEvidence()
    {
        var july = await (await _client.GetAsync("/v1/agreements/kyrgyz-tajik-agreements-2025")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("agreement", july.GetProperty("kind").GetString());
        Assert.Equal("package", july.GetProperty("agreementType").GetString());
        Assert.Equal("2025-07-09", july.GetProperty("date").GetProperty("to").GetString());
        Assert.Equal(["kyrgyzstan", "tajikistan"], july.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var visit = july.GetProperty("event");
        Assert.Equal(("japarov-state-visit-to-tajikistan-2025", "event", "Japarov’s state visit to Tajikistan, July 2025"),
            (visit.GetProperty("id").GetString(), visit.GetProperty("kind").GetString(), visit.GetProperty("name").GetString()));
        Assert.Equal(
            ["agricultural research", "television and radio broadcasting", "tourism", "cooperation between local administrations",
             "cooperation between the two countries’ health and labor ministries"],
            july.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        var concerns = Fact(july, "agreements-2025-concern-kyrgyz-health-ministry");
        Assert.Equal(("subject", "concerns"), (concerns.GetProperty("role").GetString(), concerns.GetProperty("label").GetString()));
        Assert.Equal(2, july.GetProperty("evidence").GetArrayLength());
        Assert.Contains(july.GetProperty("evidence").EnumerateArray(),
            v => v.GetProperty("exact").GetString() == "Kyrgyz and Tajik representatives signed 14 agreements during Japarov’s visit");
    }

    [Fact]
    public async Task GettingAnAgreementShowsFactsWhereItIsTheObject()
    {
        var delimitation = await (await _client.GetAsync("/v1/agreements/kyrgyz-tajik-border-delimitation-agreement-2025")).ReadJsonAsync(HttpStatusCode.OK);

        var reopened = Fact(delimitation, "western-crossing-1-reopened-after-delimitation");
        Assert.Equal(("object", "followed by reopening of"), (reopened.GetProperty("role").GetString(), reopened.GetProperty("label").GetString()));
        Assert.Equal("subject", Fact(delimitation, "delimitation-agreement-led-to-khujand-summit").GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("no-such-agreement")]
    [InlineData("japarov-state-visit-to-tajikistan-2025")]
    public async Task GettingAnUnknownAgreementIsNotFound(string id)
    {
        var problem = await (await _client.GetAsync($"/v1/agreements/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2025-07-10&to=2025-07-09", "from")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=2025-7-9", "to")]
    [InlineData("party=Kyrgyzstan", "party")]
    [InlineData("event=japarov_visit", "event")]
    [InlineData("type=treaty", "type")]
    [InlineData("sort=parties", "sort")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("signedBy=kyrgyzstan", "signedBy")]
    public async Task ListingAgreementsWithABadParameterIsAProblemNamingIt(string query, string parameter)
    {
        var problem = await (await _client.GetAsync($"/v1/agreements?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), problem.ToString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task TheAgreementOperationsAreDocumentedWithExamples()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        var list = document.GetProperty("paths").GetProperty("/v1/agreements").GetProperty("get");
        Assert.Equal("ListAgreements", list.GetProperty("operationId").GetString());
        var parameters = list.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "If-None-Match");
        Assert.Equal(["asOf", "count", "cursor", "embed", "event", "facet", "fields", "format", "from", "limit", "party", "sort", "to", "type"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("japarov-state-visit-to-tajikistan-2025", parameters["event"].GetProperty("example").GetString());
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        var detail = document.GetProperty("paths").GetProperty("/v1/agreements/{id}").GetProperty("get");
        Assert.Equal("GetAgreement", detail.GetProperty("operationId").GetString());
        Assert.True(detail.GetProperty("responses").TryGetProperty("404", out _));
    }
}
