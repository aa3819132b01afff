using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class FacetTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A list with its filters, a facet, and where each item holds the facet's value(s): a member path, <c>[]</c> for a list.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "/v1/people", "country", "country.id" },
        { "/v1/people", "role", "role" },
        { "/v1/places", "type", "placeType" },
        { "/v1/places?country=kyrgyzstan", "partOf", "partOf.id" },
        { "/v1/organizations", "country", "country.id" },
        { "/v1/events", "participant", "participants[].id" },
        { "/v1/events?from=2025-01-01", "place", "place.id" },
        { "/v1/events", "type", "eventType" },
        { "/v1/events?participant=sadyr-japarov", "type", "eventType" },
        { "/v1/events?place=dushanbe", "participant", "participants[].id" },
        { "/v1/events?country=tajikistan&type=state-visit", "place", "place.id" },
        { "/v1/agreements", "party", "parties[].id" },
        { "/v1/agreements", "event", "event.id" },
        { "/v1/border-crossings", "country", "countries[].id" },
        { "/v1/border-crossings", "connects", "connects[].id" },
        { "/v1/border-crossings", "status", "status" },
        { "/v1/entities", "kind", "kind" },
        { "/v1/facts", "predicate", "predicate.id" },
        { "/v1/facts?modality=assessed", "subject", "subject.id" },
        { "/v1/facts", "object", "object.id" },
        { "/v1/facts?entity=kyrgyzstan", "modality", "modality" },
        { "/v1/facts", "attribution", "attribution.id" },
        { "/v1/observations", "subject", "subjects[].id" },
        { "/v1/observations", "unit", "unit" },
        { "/v1/observations?subject=kyrgyzstan", "metric", "metric" },
        { "/v1/trade-figures", "country", "countries[].id" },
        { "/v1/sources", "language", "language" },
        { "/v1/sources", "publisher", "publisher" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AFacetCountsTheValuesOfEveryMatchingRecordOfAllPagesMostFrequentFirst(string list, string facet, string path)
    {
        var items = await _client.WalkAsync(list + (list.Contains('?') ? "&" : "?") + "limit=100");
        var expected = items.SelectMany(i => Values(i, path)).GroupBy(v => v.Value)
            .ToDictionary(g => g.Key ?? "(null)", g => (Count: g.Count(), Name: g.First().Name));

        var page = await (await _client.GetAsync(list + (list.Contains('?') ? "&" : "?") + $"limit=1&facet={facet}")).ReadJsonAsync(HttpStatusCode.OK);

        var counts = page.GetProperty("facets").GetProperty(facet).EnumerateArray().ToList();
        Assert.Equal(expected.Count, counts.Count);
        foreach (var count in counts)
        {
            var value = count.GetProperty("value").GetString() ?? "(null)";
            Assert.True(expected.TryGetValue(value, out var want), $"{facet}: '{value}' is counted but no item has it");
            Assert.Equal(want.Count, count.GetProperty("count").GetInt32());
            Assert.Equal(want.Name, count.GetProperty("name").GetString());
        }

        var order = counts.Select(c => (Count: c.GetProperty("count").GetInt32(), Value: c.GetProperty("value").GetString())).ToList();
        Assert.Equal(order.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal), order);
        Assert.Single(page.GetProperty("items").EnumerateArray()); // the page itself is as without facets
    }

    [Fact]
    public async Task SeveralFacetsComeTogetherAndLeaveTheItemsAndTheCursorAsTheyAre()
    {
        var plain = await (await _client.GetAsync("/v1/people?limit=2")).ReadJsonAsync(HttpStatusCode.OK);

        var faceted = await (await _client.GetAsync("/v1/people?limit=2&facet=role,country")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(plain.GetProperty("items").GetRawText(), faceted.GetProperty("items").GetRawText());
        Assert.Equal(plain.GetProperty("next").GetString(), faceted.GetProperty("next").GetString());
        Assert.Equal(["role", "country"], faceted.GetProperty("facets").EnumerateObject().Select(p => p.Name));
        Assert.False(plain.TryGetProperty("facets", out _));
    }

    [Theory]
    [InlineData("/v1/people?facet=nope", "facet", "give `country`, `role`")]
    [InlineData("/v1/people?facet=country,", "facet", "give `country`, `role`")]
    [InlineData("/v1/facts?facet=", "facet", "`subject`, `predicate`, `object`, `modality`, `attribution`")]
    [InlineData("/v1/countries?facet=isoCode", "facet", "Unknown query parameter 'facet'")]
    [InlineData("/v1/people?facet=role&format=csv", "facet", "A CSV export has rows, not counts")]
    public async Task AFacetTheListDoesNotHaveIsA400Problem(string url, string parameter, string message)
    {
        var problem = await (await _client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<(string? Value, string? Name)> Values(JsonElement item, string path)
    {
        var (member, rest) = path.IndexOf('.') is var dot and >= 0 ? (path[..dot], path[(dot + 1)..]) : (path, "");
        if (member.EndsWith("[]", StringComparison.Ordinal))
        {
            return item.GetProperty(member[..^2]).EnumerateArray().SelectMany(e => Values(e, rest));
        }

        var value = item.GetProperty(member);
        if (rest.Length == 0)
        {
            // A reference's id comes with its name.
            var name = member == "id" && item.TryGetProperty("name", out var named) ? named.GetString() : null;
            return [(value.ValueKind == JsonValueKind.Null ? null : value.GetString(), name)];
        }

        return value.ValueKind == JsonValueKind.Null ? [(null, null)] : Values(value, rest);
    }
}
