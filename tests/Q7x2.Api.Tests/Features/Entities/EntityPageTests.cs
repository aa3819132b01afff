using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Entities;

/// <summary>
/// An entity's page answers "what do we know about X?" in one read: besides its facts, every record that points at it, grouped
/// and in time order; `embed` makes it lean or full; and curators' writes compare with the record's own ETag, which no change to
/// another record alters.
/// </summary>
public sealed class EntityPageTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task APersonsPageListsEveryEventTheyTookPartInInDateOrderWithDates()
    {
        var japarov = await (await _client.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = await _client.WalkAsync("/v1/events?participant=sadyr-japarov&sort=date&limit=100");

        var events = Group(japarov, "participant", "event");
        Assert.Equal(9, events.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, events.GetProperty("more").ValueKind);
        var items = events.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(listed.Select(e => e.GetProperty("id").GetString()), items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(
            listed.Select(e => e.GetProperty("date").GetProperty("from").GetString()),
            items.Select(i => i.GetProperty("date").GetProperty("from").GetString()));
        Assert.All(items, i => Assert.Equal("participant", i.GetProperty("role").GetString()));
        Assert.Contains("japarov-state-visit-to-tajikistan-2025", items.Select(i => i.GetProperty("id").GetString()));
        Assert.Contains("japarov-rahmon-meeting-2021", items.Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ACountrysPageListsItsObservationsAgreementsAndBorderCrossings()
    {
        var kyrgyzstan = await (await _client.GetAsync("/v1/countries/kyrgyzstan")).ReadJsonAsync(HttpStatusCode.OK);

        var observations = await _client.WalkAsync("/v1/observations?subject=kyrgyzstan&limit=100");
        Assert.Equal(11, observations.Count);
        Assert.Equal(observations.Select(o => o.GetProperty("id").GetString()).Order(), Ids(Group(kyrgyzstan, "subject", "observation")).Order());

        var agreements = (await _client.WalkAsync("/v1/agreements?limit=100"))
            .Where(a => a.GetProperty("parties").EnumerateArray().Any(p => p.GetProperty("id").GetString() == "kyrgyzstan"))
            .Select(a => a.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(2, agreements.Count);
        Assert.Equal(agreements, Ids(Group(kyrgyzstan, "party", "agreement")).Order());

        // The trilateral agreement names no parties (the article does not say who concluded it): it concerns Kyrgyzstan.
        var concerns = await _client.WalkAsync("/v1/facts?entity=kyrgyzstan&predicate=concerns&limit=100");
        Assert.Equal(["trilateral-border-agreement-concerns-kyrgyzstan"], concerns.Select(f => f.GetProperty("id").GetString()));

        var crossings = await _client.WalkAsync("/v1/border-crossings?country=kyrgyzstan&limit=100");
        Assert.Equal(crossings.Select(c => c.GetProperty("id").GetString()).Order(), Ids(Group(kyrgyzstan, "country", "border-crossing")).Order());
        Assert.Equal(3, crossings.Count);
    }

    [Fact]
    public async Task EveryGroupIsInTimeOrderWithUndatedLastAndEveryBacklinkResolvesToItsDetail()
    {
        var checkedLinks = 0;
        foreach (var entity in await _client.WalkAsync("/v1/entities?limit=100"))
        {
            var id = entity.GetProperty("id").GetString();
            var page = await (await _client.GetAsync($"/v1/entities/{id}")).ReadJsonAsync(HttpStatusCode.OK);
            foreach (var group in page.GetProperty("backlinks").EnumerateArray())
            {
                var items = group.GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(items.Count, group.GetProperty("count").GetInt32());
                var keys = items.Select(i => i.GetProperty("date").ValueKind == JsonValueKind.Null ? "9999-12-31" : i.GetProperty("date").GetProperty("from").GetString()).ToList();
                Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
                foreach (var item in items)
                {
                    var kind = item.GetProperty("kind").GetString();
                    Assert.Equal(group.GetProperty("kind").GetString(), kind);
                    var url = kind switch { "fact" => "/v1/facts/", "observation" => "/v1/observations/", _ => "/v1/entities/" } + item.GetProperty("id").GetString();
                    var detail = await (await _client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
                    Assert.Equal(NameOf(kind!, detail), item.GetProperty("name").GetString());
                    checkedLinks++;
                }
            }
        }

        Assert.True(checkedLinks > 100, $"only {checkedLinks} backlinks");
    }

    /// <summary>
    /// What a backlink calls a record: an entity's name; a fact's subject, predicate and object (or value); an observation's
    /// metric in words and its subjects in id order, as search titles them.
    /// </summary>
    private static string NameOf(string kind, JsonElement detail) => kind switch
    {
        "fact" => string.Join(" – ",
            detail.GetProperty("subject").GetProperty("name").GetString(), detail.GetProperty("predicate").GetProperty("label").GetString(),
            detail.GetProperty("object").ValueKind == JsonValueKind.Null ? detail.GetProperty("value").GetString() : detail.GetProperty("object").GetProperty("name").GetString()),
        "observation" => string.Concat(
            char.ToUpperInvariant(detail.GetProperty("metric").GetString()![0]), detail.GetProperty("metric").GetString()![1..].Replace('-', ' '),
            " – ",
            string.Join(", ", detail.GetProperty("subjects").EnumerateArray()
                .OrderBy(s => s.GetProperty("id").GetString(), StringComparer.Ordinal).Select(s => s.GetProperty("name").GetString()))),
        _ => detail.GetProperty("name").GetString()!,
    };

    [Fact]
    public async Task EmbedChoosesWhatADetailCarries()
    {
        var full = await (await _client.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        var lean = await (await _client.GetAsync("/v1/people/sadyr-japarov?embed=none")).ReadJsonAsync(HttpStatusCode.OK);
        var backlinks = await (await _client.GetAsync("/v1/people/sadyr-japarov?embed=backlinks")).ReadJsonAsync(HttpStatusCode.OK);
        var factsAndEvidence = await (await _client.GetAsync("/v1/entities/sadyr-japarov?embed=facts,evidence")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["id", "kind", "name", "aliases", "description", "country", "role", "facts", "factCount", "evidence", "backlinks"], Names(full));
        Assert.Equal(["id", "kind", "name", "aliases", "description", "country", "role"], Names(lean));
        Assert.Equal([.. Names(lean), "backlinks"], Names(backlinks));
        Assert.Equal(["id", "kind", "name", "aliases", "description", "facts", "factCount", "evidence"], Names(factsAndEvidence));
        Assert.Equal(full.GetProperty("backlinks").GetRawText(), backlinks.GetProperty("backlinks").GetRawText());
        Assert.Equal(full.GetProperty("facts").GetRawText(), factsAndEvidence.GetProperty("facts").GetRawText());
    }

    [Theory]
    [InlineData("embed=all")]
    [InlineData("embed=none,facts")]
    [InlineData("embed=")]
    [InlineData("embed=facts,,evidence")]
    public async Task AnEmbedThatIsNotOneIsAProblemNamingIt(string query)
    {
        var problem = await (await _client.GetAsync($"/v1/people/sadyr-japarov?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("embed", out _), problem.GetRawText());
    }

    [Fact]
    public async Task ABacklinksGroupPagesInTimeOrderAndBadGroupsAreProblems()
    {
        var japarov = await (await _client.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);
        var paged = await _client.WalkAsync("/v1/entities/sadyr-japarov/backlinks?relation=participant&kind=event&limit=2");
        Assert.Equal(Group(japarov, "participant", "event").GetProperty("items").EnumerateArray().Select(i => i.GetRawText()), paged.Select(i => i.GetRawText()));

        var wrongPair = await (await _client.GetAsync("/v1/entities/sadyr-japarov/backlinks?relation=participant&kind=fact")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongPair.GetProperty("errors").TryGetProperty("kind", out _));
        var missing = await (await _client.GetAsync("/v1/entities/sadyr-japarov/backlinks")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("relation", out _));
        await (await _client.GetAsync("/v1/entities/nobody/backlinks?relation=participant&kind=event")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACuratorsWriteWithTheRecordsOwnETagSucceedsAfterAnotherRecordStartsPointingAtIt()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        var own = await curator.ETagAsync("/v1/people/emomali-rahmon?embed=evidence");
        var full = await curator.ETagAsync("/v1/people/emomali-rahmon");

        // Another curator adds an event Rahmon took part in: his page (its backlinks) changes, his own record does not.
        var created = await curator.PostAsync("/v1/events", TestKeys.Json(JsonNode.Parse($$"""
            {
              "id": "curated-rahmon-meeting", "name": "A meeting added by a curator", "aliases": [], "description": "An event added in a test.",
              "eventType": "summit", "date": { "text": "March 31", "from": "2025-03-31", "to": "2025-03-31", "precision": "day" },
              "place": null, "participants": ["emomali-rahmon"], "partOf": null,
              "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Kyrgyzstan’s President Sadyr Japarov" } ]
            }
            """)!.ToJsonString()));
        await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(own, await curator.ETagAsync("/v1/people/emomali-rahmon?embed=evidence"));
        Assert.NotEqual(full, await curator.ETagAsync("/v1/people/emomali-rahmon"));

        // The stale full tag is refused; the record's own tag is accepted, and so is the full representation's current one.
        var stale = await curator.SendAsync(HttpMethod.Patch, "/v1/people/emomali-rahmon", TestKeys.MergePatch("""{ "role": "President of Tajikistan" }"""), full);
        await stale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        var patched = await curator.SendAsync(HttpMethod.Patch, "/v1/people/emomali-rahmon", TestKeys.MergePatch("""{ "role": "President of Tajikistan" }"""), own);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var current = await curator.ETagAsync("/v1/people/emomali-rahmon");
        var again = await curator.SendAsync(HttpMethod.Patch, "/v1/people/emomali-rahmon", TestKeys.MergePatch("""{ "role": "President" }"""), current);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // And the event is on his page.
        var rahmon = await (await curator.GetAsync("/v1/people/emomali-rahmon")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains("curated-rahmon-meeting", Ids(Group(rahmon, "participant", "event")));
    }

    [Fact]
    public async Task ATagReadBeforeAnotherCuratorChangedOnlyTheRecordsEvidenceIsStale()
    {
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);
        const string Url = "/v1/people/emomali-rahmon";
        var own = await curator.ETagAsync($"{Url}?embed=evidence");
        var lean = await curator.ETagAsync($"{Url}?embed=none");

        // Another curator replaces the person's quotes and nothing else.
        var person = (await (await curator.GetAsync($"{Url}?embed=evidence")).ReadJsonAsync(HttpStatusCode.OK)).Deserialize<JsonObject>()!;
        var quotes = person["evidence"]!.AsArray();
        Assert.True(quotes.Count > 1);
        var kept = new JsonArray(JsonNode.Parse($$"""{ "source": "{{CurationClient.Article}}", "exact": "{{quotes[0]!["exact"]!.GetValue<string>()}}" }"""));
        var changed = await curator.SendAsync(HttpMethod.Patch, Url, TestKeys.MergePatch(new JsonObject { ["evidence"] = kept }.ToJsonString()), own);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(lean, await curator.ETagAsync($"{Url}?embed=none"));

        // A write with the tag read before that change is refused, whichever representation it came from.
        var stale = await curator.SendAsync(HttpMethod.Patch, Url, TestKeys.MergePatch("""{ "role": "President of Tajikistan" }"""), own);
        await stale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        var leanStale = await curator.SendAsync(HttpMethod.Patch, Url, TestKeys.MergePatch("""{ "role": "President of Tajikistan" }"""), lean);
        await leanStale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task AListEmbedsEvidenceAndBacklinksWhenAskedAsItsDetailsDoInAFixedNumberOfCommands()
    {
        var plain = (await _client.WalkAsync("/v1/countries?limit=100")).ToList();
        var embedded = (await _client.WalkAsync("/v1/countries?embed=evidence,backlinks&limit=100")).ToList();

        Assert.All(plain, c => Assert.False(c.TryGetProperty("backlinks", out _) || c.TryGetProperty("evidence", out _)));
        Assert.Equal(3, embedded.Count);
        foreach (var country in embedded)
        {
            var detail = await (await _client.GetAsync($"/v1/countries/{country.GetProperty("id").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(detail.GetProperty("evidence").GetRawText(), country.GetProperty("evidence").GetRawText());
            Assert.Equal(detail.GetProperty("backlinks").GetRawText(), country.GetProperty("backlinks").GetRawText());
            Assert.False(country.TryGetProperty("facts", out _));
        }

        factory.Commands.Reset();
        await (await _client.GetAsync("/v1/people?embed=evidence,backlinks&limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        var one = factory.Commands.Count;
        factory.Commands.Reset();
        await (await _client.GetAsync("/v1/people?embed=evidence,backlinks&limit=4")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(one, factory.Commands.Count);

        var facts = await (await _client.GetAsync("/v1/people?embed=facts")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("/v1/facts?entity=", facts.GetProperty("errors").GetProperty("embed")[0].GetString());
        await (await _client.GetAsync("/v1/events?participant=sadyr-japarov&sort=date&embed=whatever")).ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    private static JsonElement Group(JsonElement entity, string relation, string kind) =>
        Assert.Single(entity.GetProperty("backlinks").EnumerateArray(),
            g => g.GetProperty("relation").GetString() == relation && g.GetProperty("kind").GetString() == kind);

    private static List<string?> Ids(JsonElement group) => [.. group.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];

    private static List<string> Names(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];
}
