using System.Net;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Events;

/// <summary>
/// The event filters read relations the database keeps by triggers: a curator's change to an event's place or participants,
/// to a place's country, a new event and a deleted one show in the filtered lists and the timeline at once, and the stored
/// relations stay exactly what their view defines after every write.
/// </summary>
public sealed class EventRelationWriteTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const string Summit = "khujand-summit-2025";
    private readonly HttpClient _curator = factory.CreateClient().WithKey(TestKeys.Curator);

    [Fact]
    public async Task WritesToEventsAndPlacesMoveEventsBetweenTheFilters()
    {
        DerivedRows.AssertKept(factory);
        Assert.Contains(Summit, await EventsAsync("country=tajikistan"));
        Assert.DoesNotContain(Summit, await EventsAsync("country=uzbekistan"));

        // The place's country changes: the event at the place follows it.
        (await _curator.PatchAsync("/v1/places/khujand", """{ "country": "uzbekistan" }""")).EnsureSuccessStatusCode();
        DerivedRows.AssertKept(factory);
        Assert.Contains(Summit, await EventsAsync("country=uzbekistan"));
        Assert.DoesNotContain(Summit, await EventsAsync("country=tajikistan"));
        Assert.Contains(Summit, await TimelineEventsAsync("country=uzbekistan"));

        // A participant leaves.
        Assert.Contains(Summit, await EventsAsync("participant=emomali-rahmon"));
        (await _curator.PatchAsync($"/v1/events/{Summit}", """{ "participants": ["sadyr-japarov", "shavkat-mirziyoyev"] }""")).EnsureSuccessStatusCode();
        DerivedRows.AssertKept(factory);
        Assert.DoesNotContain(Summit, await EventsAsync("participant=emomali-rahmon"));
        Assert.DoesNotContain(Summit, await TimelineEventsAsync("person=emomali-rahmon"));
        Assert.Contains(Summit, await TimelineEventsAsync("person=sadyr-japarov"));

        // The event moves to another place.
        (await _curator.PatchAsync($"/v1/events/{Summit}", """{ "place": "dushanbe" }""")).EnsureSuccessStatusCode();
        DerivedRows.AssertKept(factory);
        Assert.DoesNotContain(Summit, await EventsAsync("place=khujand"));
        Assert.Contains(Summit, await EventsAsync("place=dushanbe"));
        Assert.Contains(Summit, await EventsAsync("country=tajikistan"));
        Assert.DoesNotContain(Summit, await TimelineEventsAsync("country=uzbekistan"));
    }

    [Fact]
    public async Task ANewEventIsFoundByItsParticipantAndGoneWhenDeleted()
    {
        var created = await _curator.PostAsync("/v1/events", TestKeys.Json(NewEvent("curated-uzbek-meeting").ToJsonString()));
        await created.ReadJsonAsync(HttpStatusCode.Created);
        DerivedRows.AssertKept(factory);
        Assert.Contains("curated-uzbek-meeting", await EventsAsync("country=uzbekistan"));
        Assert.Contains("curated-uzbek-meeting", await TimelineEventsAsync("country=uzbekistan"));

        (await _curator.DeleteAsync("/v1/events/curated-uzbek-meeting", ifMatch: true)).EnsureSuccessStatusCode();
        DerivedRows.AssertKept(factory);
        Assert.DoesNotContain("curated-uzbek-meeting", await EventsAsync("country=uzbekistan"));
        Assert.DoesNotContain("curated-uzbek-meeting", await TimelineEventsAsync("country=uzbekistan"));
    }

    private static JsonObject NewEvent(string id) => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "name": "A meeting added by a curator", "aliases": [], "description": "An event added by a curator in a test.",
          "eventType": "summit",
          "date": { "text": "March 31", "from": "2025-03-31", "to": "2025-03-31", "precision": "day" },
          "place": null, "participants": ["uzbekistan"], "partOf": null,
          "evidence": [ { "source": "{{CurationClient.Article}}", "exact": "Kyrgyzstan’s President Sadyr Japarov" } ]
        }
        """)!.AsObject();

    private async Task<List<string>> EventsAsync(string filter) =>
        [.. (await _curator.WalkAsync($"/v1/events?{filter}&limit=100")).Select(e => e.GetProperty("id").GetString()!)];

    private async Task<List<string>> TimelineEventsAsync(string filter) =>
        [.. (await _curator.WalkAsync($"/v1/timeline?{filter}&limit=100"))
            .Where(i => i.GetProperty("type").GetString() == "event").Select(i => i.GetProperty("id").GetString()!)];
}
