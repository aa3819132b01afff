using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>Bodies a hostile client crafts: each is a 400 problem keyed by its JSON path, and the database is left exactly as it was.</summary>
public sealed class BodyRuleTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    /// <summary>Sends the write and asserts a 400 problem with an error at <paramref name="key"/>, and an untouched database.</summary>
    private async Task<string[]> RejectedAsync(Func<Task<HttpResponseMessage>> write, string key)
    {
        var before = await DatabaseSnapshot.TakeAsync(factory);

        var problem = await (await write()).ReadProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(key, out var reasons), $"expected an error at '{key}', got {errors}");
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(factory));
        return [.. reasons.EnumerateArray().Select(r => r.GetString()!)];
    }

    [Fact]
    public async Task AMemberGivenTwiceInAMergePatchIsABadRequest()
    {
        var etag = await _curator.ETagAsync("/v1/people/sadyr-japarov");

        var reasons = await RejectedAsync(() => _curator.SendAsync(HttpMethod.Patch, "/v1/people/sadyr-japarov",
            TestKeys.MergePatch("""{"role":"a","role":"b"}"""), etag), "$");

        Assert.Equal(["The body is not valid JSON here: a member may be given only once."], reasons);
    }

    [Fact]
    public async Task AMemberGivenTwiceInAPostIsABadRequest()
    {
        var body = CurationClient.Person("twice-named").ToJsonString().Replace("\"name\":", "\"name\": \"First\", \"name\":", StringComparison.Ordinal);

        var reasons = await RejectedAsync(() => _curator.PostAsync("/v1/people", TestKeys.Json(body)), "$");

        Assert.Equal(["The body is not valid JSON here: a member may be given only once."], reasons);
    }

    /// <summary>resource, the list member.</summary>
    public static TheoryData<string, string> Lists() => new()
    {
        { "people", "aliases" },
        { "people", "evidence" },
        { "events", "participants" },
        { "agreements", "parties" },
        { "agreements", "areas" },
        { "border-crossings", "countries" },
        { "border-crossings", "connects" },
        { "observations", "subjects" },
        { "facts", "evidence" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ANullListElementIsABadRequestKeyedByItsIndex(string resource, string list)
    {
        var body = new JsonObject { ["id"] = $"null-in-{list}", [list] = new JsonArray(JsonValue.Create("first"), null) };
        if (list == "evidence")
        {
            body = resource == "people" ? CurationClient.Person("null-in-evidence") : CurationClient.Fact("null-in-evidence");
            body["evidence"]!.AsArray().Insert(0, null);
        }

        var index = list == "evidence" ? 0 : 1;
        var reasons = await RejectedAsync(() => _curator.PostAsync($"/v1/{resource}", TestKeys.Json(body.ToJsonString())), $"{list}[{index}]");

        Assert.Contains("null", reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANullListElementInAMergePatchIsABadRequest()
    {
        var etag = await _curator.ETagAsync("/v1/people/sadyr-japarov");

        await RejectedAsync(() => _curator.SendAsync(HttpMethod.Patch, "/v1/people/sadyr-japarov",
            TestKeys.MergePatch("""{"aliases":[null]}"""), etag), "aliases[0]");
    }

    [Fact]
    public async Task AMemberNameInTheWrongCaseIsAnUnknownMemberEvenAsANullInAPatch()
    {
        var etag = await _curator.ETagAsync("/v1/people/sadyr-japarov");

        var reasons = await RejectedAsync(() => _curator.SendAsync(HttpMethod.Patch, "/v1/people/sadyr-japarov",
            TestKeys.MergePatch("""{"Name": null}"""), etag), "Name");

        Assert.Contains("case-sensitive", reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownMemberNestedInAListIsNamedByItsPath()
    {
        var person = CurationClient.Person("nested-unknown");
        person["evidence"]![0]!["Exact"] = "Sadyr Japarov";

        await RejectedAsync(() => _curator.PostAsync("/v1/people", TestKeys.Json(person.ToJsonString())), "evidence[0].Exact");
    }

    [Fact]
    public async Task AMemberNameInTheWrongCaseIsRejectedInAPost()
    {
        var person = CurationClient.Person("wrong-case");
        person["Role"] = person["role"]!.DeepClone();
        person.Remove("role");

        await RejectedAsync(() => _curator.PostAsync("/v1/people", TestKeys.Json(person.ToJsonString())), "Role");
    }

    private static JsonObject Trade(string id, string value) => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "metric": "bilateral-trade-value", "subjects": ["kyrgyzstan", "tajikistan"], "value": {{value}}, "unit": "USD",
          "comparator": "eq", "period": { "text": "2030", "from": "2030-01-01", "to": "2030-12-31", "precision": "year" },
          "modality": "stated", "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Japarov just concluded a two-day visit" } ]
        }
        """)!.AsObject();

    [Theory]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-1")]
    [InlineData("1000000000000000.5")]
    [InlineData("0.0000001")]
    public async Task AMoneyValueOutOfItsDocumentedBoundsIsABadRequestAndTradeFiguresStillAnswer(string value)
    {
        await RejectedAsync(() => _curator.PostAsync("/v1/observations", TestKeys.Json(Trade("out-of-bounds-trade", value).ToJsonString())), "value");

        await (await _curator.GetAsync("/v1/trade-figures")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsExplainedInTheApisOwnWords()
    {
        var reasons = await RejectedAsync(
            () => _curator.PostAsync("/v1/observations", TestKeys.Json(Trade("wordy-trade", "\"ten million\"").ToJsonString())), "value");

        Assert.Equal(["The value is not a number in range."], reasons);
    }

    [Fact]
    public async Task ADateThatIsNotIsoIsExplainedInTheApisOwnWords()
    {
        var body = Trade("prose-dated-trade", "10");
        body["period"]!["from"] = "1 January 2030";

        var reasons = await RejectedAsync(() => _curator.PostAsync("/v1/observations", TestKeys.Json(body.ToJsonString())), "period.from");

        Assert.Equal(["The value is not a valid ISO 8601 date (yyyy-MM-dd)."], reasons);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonNamesTheLineWhereItBreaks()
    {
        var before = await DatabaseSnapshot.TakeAsync(factory);

        var problem = await (await _curator.PostAsync("/v1/people", TestKeys.Json("{\"id\": \"broken\",\n\"name\": }"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.StartsWith("The body is not valid JSON (line 2, byte ", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.TakeAsync(factory));
    }

    [Fact]
    public async Task TheLargestMoneyValueIsStoredAndItsComparisonsAreComputed()
    {
        (await _curator.PostAsync("/v1/observations", TestKeys.Json(Trade("largest-trade", "1000000000000000").ToJsonString())))
            .EnsureSuccessStatusCode();

        var figures = await (await _curator.GetAsync("/v1/trade-figures?limit=100")).ReadJsonAsync(HttpStatusCode.OK);

        var largest = figures.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "largest-trade");
        var comparisons = largest.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.NotEmpty(comparisons);
        Assert.All(comparisons, c => Assert.Equal(JsonValueKind.Number, c.GetProperty("ratio").ValueKind));
    }

    [Fact]
    public async Task ANegativePercentIsAllowed()
    {
        var body = Trade("negative-percent", "-12.5");
        (body["metric"], body["unit"]) = ("trade-growth-percent", "percent");

        (await _curator.PostAsync("/v1/observations", TestKeys.Json(body.ToJsonString()))).EnsureSuccessStatusCode();
    }
}
