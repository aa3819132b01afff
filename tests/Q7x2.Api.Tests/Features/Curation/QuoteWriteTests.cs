using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>A quote that repeats 150,000 times in a 400,000-character source is written and read back without holding up other writes.</summary>
public sealed class QuoteWriteTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    // Only a guard against a hang: a quadratic search of this source takes hours, a linear one well under a second.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AQuoteAtOccurrence150000IsWrittenAndReadBackWhileAnotherWriteCompletes()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var source = new JsonObject
        {
            ["id"] = "repetitive-source", ["title"] = "A source that repeats one letter", ["publisher"] = null, ["language"] = "en",
            ["published"] = null, ["text"] = new string('a', 400_000),
        };
        await (await curator.PostAsync("/v1/sources", TestKeys.Json(source.ToJsonString()))).ReadJsonAsync(HttpStatusCode.Created);
        var fact = CurationClient.Fact("repetitive-quote");
        fact["evidence"] = new JsonArray(new JsonObject { ["source"] = "repetitive-source", ["exact"] = new string('a', 4000), ["occurrence"] = 150_000 });

        async Task<(HttpStatusCode Created, HttpStatusCode Patched)> RepetitiveAsync()
        {
            var created = await curator.PostAsync("/v1/facts", TestKeys.Json(fact.ToJsonString()));
            var patched = await curator.PatchAsync("/v1/facts/repetitive-quote", """{ "note": "Read back and patched." }""");
            return (created.StatusCode, patched.StatusCode);
        }

        var repetitive = Task.Run(RepetitiveAsync);
        var other = Task.Run(() => curator.PatchAsync("/v1/places/khujand", """{ "description": "Written meanwhile." }"""));

        Assert.Equal(HttpStatusCode.OK, (await other.WaitAsync(HangGuard)).StatusCode);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), await repetitive.WaitAsync(HangGuard));
        var evidence = (await (await curator.GetAsync("/v1/facts/repetitive-quote")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("evidence")[0];
        Assert.Equal(149_999, evidence.GetProperty("start").GetInt32());
        Assert.Equal(153_999, evidence.GetProperty("end").GetInt32());
    }
}
