using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

public sealed class WriteTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    [Fact]
    public async Task CreatingAPersonAnswers201WithLocationAndTheETagItsGetSends()
    {
        var response = await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("curated-person-one").ToJsonString()));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/v1/people/curated-person-one", response.Headers.Location?.OriginalString);
        Assert.Equal("curated-person-one", body.GetProperty("id").GetString());
        Assert.Equal("kyrgyzstan", body.GetProperty("country").GetProperty("id").GetString());
        var evidence = body.GetProperty("evidence")[0];
        Assert.Equal("Kyrgyzstan’s President Sadyr Japarov", evidence.GetProperty("exact").GetString());
        Assert.True(evidence.GetProperty("end").GetInt32() > evidence.GetProperty("start").GetInt32());
        Assert.Equal(await _curator.ETagAsync("/v1/people/curated-person-one"), response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task EvidenceOffsetsAreComputedByTheServerAndClientOffsetsAreRejected()
    {
        var person = CurationClient.Person("curated-offsets");
        person["evidence"]![0]!["start"] = 0;

        var response = await _curator.PostAsync("/v1/people", TestKeys.Json(person.ToJsonString()));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("evidence[0].start", out _), problem.ToString());
    }

    [Fact]
    public async Task PostingAnIdThatIsTakenIsAConflict()
    {
        var response = await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("sadyr-japarov").ToJsonString()));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReplacingAPersonChangesWhatItsGetAnswersAndItsETag()
    {
        var before = await _curator.ETagAsync("/v1/people/emomali-rahmon");
        var person = CurationClient.Person("emomali-rahmon", "Emomali Rahmon");
        person["country"] = "tajikistan";
        person["role"] = "President of Tajikistan";

        var response = await _curator.PutAsync("/v1/people/emomali-rahmon", person);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("President of Tajikistan", body.GetProperty("role").GetString());
        Assert.NotEqual(before, response.Headers.ETag?.Tag);
        Assert.Equal(await _curator.ETagAsync("/v1/people/emomali-rahmon"), response.Headers.ETag?.Tag);
        var get = await (await _curator.GetAsync("/v1/people/emomali-rahmon")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("President of Tajikistan", get.GetProperty("role").GetString());
        Assert.NotEmpty(get.GetProperty("facts").EnumerateArray());
    }

    [Fact]
    public async Task PuttingABodyWhoseIdIsNotTheUrlsIsAValidationProblem()
    {
        var response = await _curator.PutAsync("/v1/people/sadyr-japarov", CurationClient.Person("someone-else"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task WritingAnUnknownRecordIsNotFound()
    {
        await (await _curator.SendAsync(HttpMethod.Put, "/v1/people/nobody-at-all", TestKeys.Json(CurationClient.Person("nobody-at-all").ToJsonString()), "*"))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _curator.SendAsync(HttpMethod.Delete, "/v1/facts/nobody-at-all", null, "*")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFactCanBeCreatedUpdatedAndDeleted()
    {
        var created = await _curator.PostAsync("/v1/facts", TestKeys.Json(CurationClient.Fact("curated-fact-crud").ToJsonString()));
        await created.ReadJsonAsync(HttpStatusCode.Created);

        var fact = CurationClient.Fact("curated-fact-crud");
        fact["note"] = "Checked by a curator.";
        var updated = await (await _curator.PutAsync("/v1/facts/curated-fact-crud", fact)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Checked by a curator.", updated.GetProperty("note").GetString());

        var deleted = await _curator.DeleteAsync("/v1/facts/curated-fact-crud", ifMatch: true);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await _curator.GetAsync("/v1/facts/curated-fact-crud")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnObservationCanBeCreatedAndPatched()
    {
        var observation = JsonNode.Parse($$"""
            {
              "id": "curated-population", "metric": "population", "subjects": ["tajikistan"], "value": 10000000, "unit": "person",
              "comparator": "gt", "modality": "stated",
              "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Japarov just concluded a two-day visit" } ]
            }
            """)!;
        await (await _curator.PostAsync("/v1/observations", TestKeys.Json(observation.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);

        var patched = await (await _curator.PatchAsync("/v1/observations/curated-population", """{ "comparator": "approx" }"""))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("approx", patched.GetProperty("comparator").GetString());
        Assert.Equal(10000000m, patched.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ANewSourceArrivesWithItsTextAndAFactThenCitesIt()
    {
        var source = """
            { "id": "curated-source", "title": "A curated note", "publisher": "Test", "language": "en",
              "text": "Rustam Emomali chairs the upper house. Emomali Rahmon is the president." }
            """;
        var created = await (await _curator.PostAsync("/v1/sources", TestKeys.Json(source))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(71, created.GetProperty("charCount").GetInt32());

        var fact = CurationClient.Fact("curated-fact-citing-new-source");
        fact["evidence"] = JsonNode.Parse("""[ { "source": "curated-source", "exact": "Emomali Rahmon is the president" } ]""");
        var body = await (await _curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);

        var evidence = body.GetProperty("evidence")[0];
        Assert.Equal(39, evidence.GetProperty("start").GetInt32());
        Assert.Equal(70, evidence.GetProperty("end").GetInt32());
    }
}
