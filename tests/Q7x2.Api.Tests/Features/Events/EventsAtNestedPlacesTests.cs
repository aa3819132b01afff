using System.Net;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Tests.Features.Events;

/// <summary>
/// No seeded event happens at a place that is part of another, so this fixture adds one (to its own database) to show that
/// <c>place</c> also matches events at the places directly inside it.
/// </summary>
public sealed class EventsAtNestedPlacesTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task FilteringByPlaceMatchesEventsAtPlacesPartOfIt()
    {
        await using (var db = factory.CreateDb())
        {
            db.Entities.Add(new Entity
            {
                Id = "test-crossing-reopening", Kind = EntityKind.Event, Name = "Test reopening", Description = "Added by the test.",
                Subtype = "border-reopening", PlaceId = "western-kyrgyz-tajik-frontier",
            });
            await db.SaveChangesAsync();
        }

        var area = await (await _client.GetAsync("/v1/events?place=kyrgyz-tajik-border-area")).ReadJsonAsync(HttpStatusCode.OK);
        var frontier = await (await _client.GetAsync("/v1/events?place=western-kyrgyz-tajik-frontier")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["kyrgyz-tajik-border-clashes-2021", "kyrgyz-tajik-border-closure", "test-crossing-reopening"],
            area.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["test-crossing-reopening"], frontier.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }
}
