using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>Every validation rule of a write, each with a failing case (its error key) and the passing case next to it.</summary>
public sealed class ValidationTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    private static readonly JsonObject Dated = JsonNode.Parse("""{ "text": "July 8-9", "from": "2025-07-08", "to": "2025-07-09", "precision": "day" }""")!.AsObject();

    private static JsonObject Observation(string id) => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "metric": "population", "subjects": ["tajikistan"], "value": 10000000, "unit": "person", "comparator": "gt",
          "modality": "stated", "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Japarov just concluded a two-day visit" } ]
        }
        """)!.AsObject();

    /// <summary>resource, the rule, the error key it must produce.</summary>
    public static TheoryData<string, string, string> Rules() => new()
    {
        { "people", "required name", "name" },
        { "facts", "date without from", "date.from" },
        { "observations", "required value", "value" },
        { "people", "slug", "id" },
        { "people", "country of the wrong kind", "country" },
        { "people", "no evidence", "evidence" },
        { "people", "quote not in the source", "evidence[0].exact" },
        { "people", "unknown source", "evidence[0].source" },
        { "people", "unknown property", "nickname" },
        { "places", "unknown place type", "placeType" },
        { "facts", "predicate outside the vocabulary", "predicate" },
        { "facts", "reference that does not exist", "subject" },
        { "facts", "date with from after to", "date.to" },
        { "facts", "date with an unknown precision", "date.precision" },
        { "facts", "qualifier that does not fit the precision", "date.qualifier" },
        { "facts", "unknown modality", "modality" },
        { "observations", "unknown unit", "unit" },
        { "observations", "unknown comparator", "comparator" },
        { "observations", "value that is not a number", "value" },
    };

    private static (string Url, JsonObject Body) Valid(string resource, string id) => resource switch
    {
        "people" => ("/v1/people", CurationClient.Person(id)),
        "places" => ("/v1/places", JsonNode.Parse($$"""
            { "id": "{{id}}", "name": "A curated place", "aliases": [], "description": "A place.", "placeType": "city", "country": "tajikistan",
              "partOf": null, "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Japarov just concluded a two-day visit" } ] }
            """)!.AsObject()),
        "facts" => ("/v1/facts", WithDate(CurationClient.Fact(id))),
        _ => ("/v1/observations", Observation(id)),
    };

    private static JsonObject WithDate(JsonObject fact)
    {
        fact["date"] = Dated.DeepClone();
        return fact;
    }

    private static void Break(JsonObject body, string rule)
    {
        switch (rule)
        {
            case "required name": body.Remove("name"); break;
            case "date without from": body["date"]!.AsObject().Remove("from"); break;
            case "required value": body.Remove("value"); break;
            case "slug": body["id"] = "Not A Slug"; break;
            case "country of the wrong kind": body["country"] = "dushanbe"; break;
            case "no evidence": body["evidence"] = new JsonArray(); break;
            case "quote not in the source": body["evidence"]![0]!["exact"] = "Japarov never said this"; break;
            case "unknown source": body["evidence"]![0]!["source"] = "no-such-source"; break;
            case "unknown property": body["nickname"] = "Sadyr"; break;
            case "unknown place type": body["placeType"] = "planet"; break;
            case "predicate outside the vocabulary": body["predicate"] = "admires"; break;
            case "reference that does not exist": body["subject"] = "no-such-entity"; break;
            case "date with from after to": (body["date"]!["from"], body["date"]!["to"]) = ("2025-07-09", "2025-07-08"); break;
            case "date with an unknown precision": body["date"]!["precision"] = "hour"; break;
            case "qualifier that does not fit the precision":
                (body["date"]!["precision"], body["date"]!["qualifier"]) = ("month", "late");
                break;
            case "unknown modality": body["modality"] = "rumoured"; break;
            case "unknown unit": body["unit"] = "furlong"; break;
            case "unknown comparator": body["comparator"] = "about"; break;
            case "value that is not a number": body["value"] = "ten million"; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule));
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task ABrokenRuleIsAValidationProblemKeyedByItsJsonPath(string resource, string rule, string key)
    {
        var (url, body) = Valid(resource, "invalid-" + resource);
        Break(body, rule);

        var response = await _curator.PostAsync(url, TestKeys.Json(body.ToJsonString()));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(key, out _), $"{rule}: expected an error at '{key}', got {errors}");
        await (await _curator.GetAsync($"{url}/invalid-{resource}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("people")]
    [InlineData("places")]
    [InlineData("facts")]
    [InlineData("observations")]
    public async Task TheSameBodyWithNothingBrokenIsCreated(string resource)
    {
        var (url, body) = Valid(resource, "valid-" + resource);

        var response = await _curator.PostAsync(url, TestKeys.Json(body.ToJsonString()));

        await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task EveryErrorIsReportedAtOnce()
    {
        var fact = WithDate(CurationClient.Fact("all-at-once"));
        fact["modality"] = "rumoured";
        fact["date"]!["precision"] = "hour";
        fact["evidence"] = new JsonArray();
        fact.Remove("subject");

        var problem = await (await _curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadProblemAsync(HttpStatusCode.BadRequest);

        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("modality", keys);
        Assert.Contains("date.precision", keys);
        Assert.Contains("evidence", keys);
        Assert.Contains("subject", keys);
    }

    [Fact]
    public async Task AQuoteThatRepeatsNeedsItsOccurrence()
    {
        var fact = CurationClient.Fact("repeated-quote");
        fact["evidence"]![0]!["exact"] = "Japarov";

        var problem = await (await _curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("occurs", problem.GetProperty("errors").GetProperty("evidence[0].exact")[0].GetString(), StringComparison.Ordinal);

        fact["evidence"]![0]!["occurrence"] = 2;
        var created = await (await _curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Japarov", created.GetProperty("evidence")[0].GetProperty("exact").GetString());
    }
}
