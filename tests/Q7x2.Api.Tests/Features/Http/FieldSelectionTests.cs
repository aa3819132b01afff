using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class FieldSelectionTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AListKeepsOnlyTheFieldsAskedForInEachItemInTheRecordsOrderAndItsPaging()
    {
        var full = await (await _client.GetAsync("/v1/people?limit=2")).ReadJsonAsync(HttpStatusCode.OK);

        var cut = await (await _client.GetAsync("/v1/people?limit=2&fields=country,id,name")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(full.GetProperty("next").GetString(), cut.GetProperty("next").GetString());
        var items = cut.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var (item, whole) in items.Zip(full.GetProperty("items").EnumerateArray()))
        {
            Assert.Equal(["id", "name", "country"], item.EnumerateObject().Select(p => p.Name));
            foreach (var member in item.EnumerateObject())
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(whole.GetProperty(member.Name).GetRawText()), JsonNode.Parse(member.Value.GetRawText())));
            }
        }
    }

    [Fact]
    public async Task ADetailKeepsOnlyTheFieldsAskedForIncludingWhatEmbedAdds()
    {
        var full = await (await _client.GetAsync("/v1/people/sadyr-japarov")).ReadJsonAsync(HttpStatusCode.OK);

        var cut = await (await _client.GetAsync("/v1/people/sadyr-japarov?fields=backlinks,id")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["id", "backlinks"], cut.EnumerateObject().Select(p => p.Name));
        Assert.Equal(full.GetProperty("backlinks").GetRawText(), cut.GetProperty("backlinks").GetRawText());
    }

    [Fact]
    public async Task EveryOperationThatDocumentsFieldsAnswersItsExampleWithOnlyThoseFields()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);
        var operations = document.GetProperty("paths").EnumerateObject()
            .Select(p => (Path: p.Name, Fields: p.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().FirstOrDefault(q => q.GetProperty("name").GetString() == "fields") : default))
            .Where(o => o.Fields.ValueKind == JsonValueKind.Object)
            .Select(o => (o.Path, Example: o.Fields.GetProperty("example").GetString()!)).ToList();

        Assert.Equal(31, operations.Count);
        foreach (var (path, example) in operations)
        {
            var url = path.Replace("{id}", SampleIds.For(path), StringComparison.Ordinal)
                + (path.EndsWith("/backlinks", StringComparison.Ordinal) ? "?relation=participant&kind=event&" : "?") + $"fields={example}";
            var body = await (await _client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
            List<JsonElement> records = body.TryGetProperty("items", out var items) ? [.. items.EnumerateArray()] : [body];
            Assert.NotEmpty(records);
            Assert.All(records, r => Assert.Equal(example.Split(','), r.EnumerateObject().Select(p => p.Name)));
        }
    }

    [Theory]
    [InlineData("/v1/facts/rustam-emomali-heir-apparent?fields=id,nope", "'nope' is not a field of this resource. The fields: id, subject, predicate,")]
    [InlineData("/v1/people?fields=", "Give member names separated by commas")]
    [InlineData("/v1/people?fields=id,,name", "Give member names separated by commas")]
    [InlineData("/v1/people?fields=ID", "'ID' is not a field")]
    [InlineData("/v1/people?format=csv&fields=evidence", "'evidence' is not a field of this resource. The fields: id, kind, name, aliases, description, country, role.")]
    public async Task AFieldThatIsNotOneIsA400ProblemListingThem(string url, string message)
    {
        var problem = await (await _client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty("fields")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperationWithoutFieldSelectionRefusesFieldsAsAnUnknownParameter()
    {
        var problem = await (await _client.GetAsync("/v1/search?q=Dushanbe&fields=id")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Unknown query parameter 'fields'", problem.GetProperty("errors").GetProperty("fields")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithCsvTheFieldsAreTheColumnsOfThoseMembers()
    {
        var response = await _client.GetAsync("/v1/events?participant=rustam-emomali&fields=id,date&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = (await response.Content.ReadAsStringAsync()).Split("\r\n")[0];
        Assert.Equal("id,date.text,date.from,date.to,date.precision,date.qualifier,date.basis,date.note", header);
    }

    [Fact]
    public async Task AFieldSelectionIsARepresentationOfItsOwnWithItsOwnETag()
    {
        var full = await _client.GetAsync("/v1/facts/rustam-emomali-heir-apparent");
        var cut = await _client.GetAsync("/v1/facts/rustam-emomali-heir-apparent?fields=id");

        Assert.NotEqual(full.Headers.ETag, cut.Headers.ETag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/v1/facts/rustam-emomali-heir-apparent?fields=id");
        again.Headers.IfNoneMatch.Add(cut.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
        Assert.Equal(JsonValueKind.Object, (await cut.ReadJsonAsync(HttpStatusCode.OK)).ValueKind);
    }
}
