using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>PATCH is JSON Merge Patch (RFC 7396) on the record's curated shape, then validated like a PUT.</summary>
public sealed class MergePatchTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    [Fact]
    public async Task NullRemovesAFieldAndTheRestIsKept()
    {
        var before = await (await _curator.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);

        var patched = await (await _curator.PatchAsync("/v1/people/sadyr-japarov", """{ "role": null }""")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.GetProperty("role").ValueKind);
        Assert.Equal(before.GetProperty("name").GetString(), patched.GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("evidence").GetRawText(), patched.GetProperty("evidence").GetRawText());
        Assert.Equal(before.GetProperty("country").GetRawText(), patched.GetProperty("country").GetRawText());
    }

    [Fact]
    public async Task NullOnARequiredFieldLeavesTheDecisionToValidation()
    {
        var response = await _curator.PatchAsync("/v1/people/emomali-rahmon", """{ "name": null }""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task NestedObjectsMergeAndArraysAreReplacedWhole()
    {
        var patched = await (await _curator.PatchAsync("/v1/people/rustam-emomali",
            """{ "aliases": [ { "name": "Rustam", "type": "alias" } ], "description": "Patched in a test." }"""))
            .ReadJsonAsync(HttpStatusCode.OK);

        var alias = Assert.Single(patched.GetProperty("aliases").EnumerateArray());
        Assert.Equal("Rustam", alias.GetProperty("name").GetString());
        Assert.Equal("Patched in a test.", patched.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ADateCanBePatchedMemberByMember()
    {
        var patched = await (await _curator.PatchAsync("/v1/facts/rustam-emomali-heir-apparent", """
            { "date": { "text": "July 2025", "from": "2025-07-01", "to": "2025-07-31", "precision": "month", "basis": "stated" } }
            """)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2025-07-31", patched.GetProperty("date").GetProperty("to").GetString());

        var again = await (await _curator.PatchAsync("/v1/facts/rustam-emomali-heir-apparent", """{ "date": { "to": "2025-07-15" } }"""))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("2025-07-01", again.GetProperty("date").GetProperty("from").GetString());
        Assert.Equal("2025-07-15", again.GetProperty("date").GetProperty("to").GetString());
        Assert.Equal("July 2025", again.GetProperty("date").GetProperty("text").GetString());
    }
}
