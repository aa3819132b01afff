using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

public sealed class PreconditionTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    [Fact]
    public async Task ChangingARecordWithoutIfMatchIsPreconditionRequired()
    {
        var put = await _curator.SendAsync(HttpMethod.Put, "/v1/people/sadyr-japarov", TestKeys.Json(CurationClient.Person("sadyr-japarov").ToJsonString()), null);
        var patch = await _curator.SendAsync(HttpMethod.Patch, "/v1/people/sadyr-japarov", TestKeys.MergePatch("{}"), null);
        var delete = await _curator.DeleteAsync("/v1/facts/rustam-emomali-heir-apparent", ifMatch: false);

        await put.ReadProblemAsync((HttpStatusCode)428);
        await patch.ReadProblemAsync((HttpStatusCode)428);
        await delete.ReadProblemAsync((HttpStatusCode)428);
    }

    [Fact]
    public async Task AStaleIfMatchIsPreconditionFailedAndChangesNothing()
    {
        var stale = await _curator.ETagAsync("/v1/places/dushanbe");
        await (await _curator.PatchAsync("/v1/places/dushanbe", """{ "description": "Changed first by another curator." }"""))
            .ReadJsonAsync(HttpStatusCode.OK);

        var response = await _curator.SendAsync(HttpMethod.Patch, "/v1/places/dushanbe",
            TestKeys.MergePatch("""{ "description": "Would silently overwrite." }"""), stale);

        await response.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        var place = await (await _curator.GetAsync("/v1/places/dushanbe")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Changed first by another curator.", place.GetProperty("description").GetString());
    }

    [Fact]
    public async Task IfMatchStarMatchesAnyExistingRecord()
    {
        var response = await _curator.SendAsync(HttpMethod.Patch, "/v1/countries/uzbekistan", TestKeys.MergePatch("""{ "aliases": [] }"""), "*");

        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletingAnEntityThatFactsReferenceIsAConflictListingThem()
    {
        var response = await _curator.DeleteAsync("/v1/people/rustam-emomali", ifMatch: true);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var referencedBy = problem.GetProperty("referencedBy").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("facts/rustam-emomali-heir-apparent", referencedBy);
        await (await _curator.GetAsync("/v1/people/rustam-emomali")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeletingAnUnreferencedEntityWorks()
    {
        await (await _curator.PostAsync("/v1/people", TestKeys.Json(CurationClient.Person("to-be-deleted").ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);

        var response = await _curator.DeleteAsync("/v1/people/to-be-deleted", ifMatch: true);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _curator.GetAsync("/v1/people/to-be-deleted")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsPayloadTooLarge()
    {
        var person = CurationClient.Person("too-large");
        person["description"] = new string('x', 1024 * 1024 + 1);

        var response = await _curator.PostAsync("/v1/people", TestKeys.Json(person.ToJsonString()));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task APatchThatIsNotAMergePatchIsUnsupportedMediaType()
    {
        var response = await _curator.SendAsync(HttpMethod.Patch, "/v1/people/sadyr-japarov", TestKeys.Json("{}"), "*");

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        var response = await _curator.PostAsync("/v1/people", TestKeys.Json("{ \"id\": "));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }
}
