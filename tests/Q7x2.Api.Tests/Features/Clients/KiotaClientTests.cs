using System.Net;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Client;
using Q7x2.Client.Models;

namespace Q7x2.Api.Tests.Features.Clients;

/// <summary>
/// The generated C# client (src/Q7x2.Client, Kiota) used for real against the API serving on a socket: it reads, searches,
/// pages and writes, and the API's problems reach it as typed exceptions. What it reads is checked against the raw JSON.
/// </summary>
public sealed class KiotaClientTests(RunningApi api) : IClassFixture<RunningApi>
{
    private Q7x2Client Reader => Q7x2ClientFactory.Create(api.Address);

    private Q7x2Client Curator => Q7x2ClientFactory.Create(api.Address, TestKeys.Curator);

    private async Task<JsonElement> RawAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = api.Address };
        return JsonDocument.Parse(await http.GetStringAsync(url)).RootElement.Clone();
    }

    [Fact]
    public async Task ReadsADetailAsTheJsonHasIt()
    {
        var person = await Reader.V1.People["sadyr-japarov"].GetAsync();
        var raw = await RawAsync("/v1/people/sadyr-japarov");

        Assert.NotNull(person);
        Assert.Equal(raw.GetProperty("name").GetString(), person.Name);
        Assert.Equal(raw.GetProperty("role").GetString(), person.Role);
        Assert.Equal(raw.GetProperty("country").GetProperty("id").GetString(), person.Country?.Id);
        Assert.Equal(raw.GetProperty("evidence").GetArrayLength(), person.Evidence?.Count);
        Assert.Equal(raw.GetProperty("evidence")[0].GetProperty("exact").GetString(), person.Evidence![0].Exact);
        Assert.Equal(raw.GetProperty("backlinks").EnumerateArray().Select(g => g.GetProperty("relation").GetString()),
            person.Backlinks!.Select(g => g.Relation));
    }

    [Fact]
    public async Task PagesAWholeListByItsCursors()
    {
        var ids = new List<string>();
        int? total = null;
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Reader.V1.Facts.GetAsync(request =>
            {
                request.QueryParameters.Limit = 20;
                request.QueryParameters.Count = true;
                request.QueryParameters.Sort = "id";
                request.QueryParameters.Cursor = cursor;
            });
            Assert.NotNull(page?.Items);
            total ??= page.Total;
            ids.AddRange(page.Items.Select(fact => fact.Id!));
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 100);

        var raw = await RawAsync("/v1/facts?limit=100&count=true&sort=id");
        Assert.True(pages > 2, $"{pages} pages");
        Assert.Equal(raw.GetProperty("total").GetInt32(), total);
        Assert.Equal(raw.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()!), ids);
    }

    [Fact]
    public async Task FiltersAndFacetsReachTheApi()
    {
        var page = await Reader.V1.Events.GetAsync(request =>
        {
            request.QueryParameters.Participant = "sadyr-japarov";
            request.QueryParameters.Limit = 100;
            request.QueryParameters.Facet = "type";
        });
        var raw = await RawAsync("/v1/events?participant=sadyr-japarov&limit=100&facet=type");

        Assert.Equal(raw.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!), page!.Items!.Select(e => e.Id!));
        Assert.NotEmpty(page.Items!);
        // A map of facets is untyped in Kiota's model: its values arrive as untyped nodes.
        var values = Assert.IsType<UntypedArray>(page.Facets!.AdditionalData["type"]).GetValue().Cast<UntypedObject>().ToList();
        Assert.Equal(raw.GetProperty("facets").GetProperty("type").GetArrayLength(), values.Count);
        Assert.Equal(page.Items!.Count, values.Sum(value => Assert.IsType<UntypedInteger>(value.GetValue()["count"]).GetValue()));
    }

    [Fact]
    public async Task Searches()
    {
        var hits = await Reader.V1.Search.GetAsync(request => request.QueryParameters.Q = "Rahmon");
        var raw = await RawAsync("/v1/search?q=Rahmon");

        Assert.NotEmpty(hits!.Items!);
        Assert.Equal(raw.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetString()!), hits.Items!.Select(h => h.Id!));
        Assert.Equal("emomali-rahmon", hits.Items![0].Id);
        Assert.Contains("<mark>", hits.Items[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesWithTheETagItRead()
    {
        var created = await Curator.V1.People.PostAsync(new PersonInput
        {
            Id = "kiota-written-person",
            Name = "Sadyr Japarov (written by the generated client)",
            Aliases = [],
            Description = "A person a test wrote through the generated C# client.",
            Country = "kyrgyzstan",
            Role = "President",
            Evidence = [new EvidenceInput { Source = Repository.ArticleId, Exact = "Kyrgyzstan’s President Sadyr Japarov" }],
        });
        Assert.Equal("kiota-written-person", created?.Id);
        Assert.Equal("Kyrgyzstan’s President Sadyr Japarov", created?.Evidence?.Single().Exact);

        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var read = await Reader.V1.People["kiota-written-person"].GetAsync(request => request.Options.Add(headers));
        var etag = headers.ResponseHeaders["ETag"].Single();

        var updated = await Curator.V1.People["kiota-written-person"].PatchAsync(
            new PersonInput { Description = "Changed through the generated client." },
            request => request.Headers.Add("If-Match", etag));
        Assert.Equal("Changed through the generated client.", updated?.Description);
        Assert.Equal(read!.Name, updated?.Name);

        // The same ETag again is stale: the API's 412 problem reaches the client as its typed exception.
        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => Curator.V1.People["kiota-written-person"].PatchAsync(
            new PersonInput { Description = "A lost update." }, request => request.Headers.Add("If-Match", etag)));
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, stale.ResponseStatusCode);
        Assert.Equal(412, stale.Status);

        Assert.Equal("Changed through the generated client.", (await Reader.V1.People["kiota-written-person"].GetAsync())?.Description);
    }

    [Fact]
    public async Task ProblemsArriveAsTypedExceptions()
    {
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => Reader.V1.People["no-such-person"].GetAsync());
        Assert.Equal(404, missing.Status);
        Assert.NotNull(missing.TraceId);

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => Reader.V1.Facts.GetAsync(request => request.QueryParameters.Limit = 0));
        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Contains("limit", invalid.Errors!.AdditionalData.Keys, StringComparer.OrdinalIgnoreCase);

        var anonymous = await Assert.ThrowsAsync<ProblemDetails>(() => Reader.V1.People.PostAsync(new PersonInput { Id = "anonymous-write" }));
        Assert.Equal(401, anonymous.Status);
    }

    [Fact]
    public async Task AKeyIsNotSentInClearBeyondThisMachine()
    {
        var remote = Q7x2ClientFactory.Create(new Uri("http://api.example.org"), TestKeys.Curator);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => remote.V1.People.PostAsync(new PersonInput { Id = "sent-in-clear" }));
        Assert.Contains("http://api.example.org", refused.Message, StringComparison.Ordinal);
    }
}
