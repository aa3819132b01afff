using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Features.Curation;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Sources;

/// <summary>Each source's terms (licence, rights holder, URL, whether its text may be redistributed) and the dataset's citation.</summary>
public sealed class SourceTermsTests : IDisposable
{
    private const string Source = $"/v1/sources/{CurationClient.Article}";

    private readonly Q7x2ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheArticleStatesNoTermsSoEachIsNullAndItKeepsItsText()
    {
        var client = _factory.CreateClient();

        var detail = await (await client.GetAsync(Source)).ReadJsonAsync(HttpStatusCode.OK);
        var summary = (await (await client.GetAsync("/v1/sources")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("items")[0];

        foreach (var record in new[] { detail, summary })
        {
            Assert.Equal(JsonValueKind.Null, record.GetProperty("license").ValueKind);
            Assert.Equal(JsonValueKind.Null, record.GetProperty("rightsHolder").ValueKind);
            Assert.Equal(JsonValueKind.Null, record.GetProperty("url").ValueKind);
            Assert.True(record.GetProperty("textRedistributable").GetBoolean());
        }

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Seed, "sources", $"{CurationClient.Article}.txt")), detail.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ASourceMarkedNotRedistributableWithholdsItsTextButKeepsQuotesOffsetsAndTerms()
    {
        var curator = _factory.CreateClient().WithKey(TestKeys.Curator);
        var before = await (await curator.GetAsync(Source)).ReadJsonAsync(HttpStatusCode.OK);

        var patched = await curator.PatchAsync(Source,
            """{ "license": "All rights reserved", "rightsHolder": "The Times of Central Asia", "url": "https://timesca.com/", "textRedistributable": false }""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var detail = await (await curator.GetAsync(Source)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("text").ValueKind);
        Assert.False(detail.GetProperty("textRedistributable").GetBoolean());
        Assert.Equal("All rights reserved", detail.GetProperty("license").GetString());
        Assert.Equal("The Times of Central Asia", detail.GetProperty("rightsHolder").GetString());
        Assert.Equal("https://timesca.com/", detail.GetProperty("url").GetString());
        Assert.Equal(before.GetProperty("sha256").GetString(), detail.GetProperty("sha256").GetString());
        Assert.Equal(before.GetProperty("charCount").GetInt32(), detail.GetProperty("charCount").GetInt32());

        // The source's history no longer shows the text either (as in the change feed, each text is its digest).
        var history = await (await curator.GetAsync($"{Source}/revisions")).ReadJsonAsync(HttpStatusCode.OK);
        // Its first revision is the seed's first load (no bodies); the curator's write is the second.
        Assert.Equal("seed", history.GetProperty("items")[0].GetProperty("actor").GetString());
        var revision = history.GetProperty("items")[1];
        Assert.False(revision.GetProperty("before").TryGetProperty("text", out _));
        Assert.Equal(before.GetProperty("sha256").GetString(), revision.GetProperty("before").GetProperty("textSha256").GetString());
        Assert.False(revision.GetProperty("after").TryGetProperty("text", out _));

        // Quotes and offsets are still served; the full text is nowhere, the dump included (which therefore cannot be imported).
        var evidence = await (await curator.GetAsync($"{Source}/evidence?limit=1")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(evidence.GetProperty("items")[0].GetProperty("exact").GetString()));
        var dump = await curator.GetStringAsync("/v1/export");
        var line = JsonDocument.Parse(dump.Split('\n')[0]).RootElement;
        Assert.Equal("source", line.GetProperty("type").GetString());
        Assert.False(line.TryGetProperty("text", out _));
        Assert.False(line.GetProperty("record").GetProperty("textRedistributable").GetBoolean());
        using var temp = Repository.TempDirectory();
        var path = Path.Combine(temp.Path, "dump.ndjson");
        await File.WriteAllTextAsync(path, dump);
        var import = await ApiProcess.RunAsync(temp.Path, "import", path, $"--ConnectionStrings:Sqlite=Data Source={Path.Combine(temp.Path, "copy.db")}");
        Assert.Equal(1, import.ExitCode);
        Assert.Contains("a source without its text", import.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "url": "ftp://example.org/article" }""", "url")]
    [InlineData("""{ "url": "not a url" }""", "url")]
    [InlineData("""{ "license": "" }""", "license")]
    [InlineData("""{ "rightsHolder": "" }""", "rightsHolder")]
    [InlineData("""{ "textRedistributable": "no" }""", "textRedistributable")]
    public async Task TermsThatAreNotValidAreRefused(string patch, string member)
    {
        var curator = _factory.CreateClient().WithKey(TestKeys.Curator);

        var problem = await (await curator.PatchAsync(Source, patch)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(member, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCitationNamesTheDatasetVersionItsLicenceAndTheDumpAsCslJsonOrBibTex()
    {
        var client = _factory.CreateClient();
        var version = (await client.GetAsync("/v1/export")).Headers.GetValues("Dataset-Version").Single();

        var csl = await client.GetAsync("/v1/citation");
        using var bibtexRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/citation");
        bibtexRequest.Headers.Add("Accept", "application/x-bibtex");
        var bibtex = await client.SendAsync(bibtexRequest);

        Assert.Equal("application/vnd.citationstyles.csl+json", csl.Content.Headers.ContentType?.MediaType);
        var item = JsonDocument.Parse(await csl.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal("dataset", item.GetProperty("type").GetString());
        Assert.Equal(version, item.GetProperty("version").GetString());
        Assert.Equal($"q7x2-v{version}", item.GetProperty("id").GetString());
        Assert.Equal("http://localhost/v1/export", item.GetProperty("URL").GetString());
        Assert.Contains("Licence: CC-BY-4.0", item.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/x-bibtex", bibtex.Content.Headers.ContentType?.MediaType);
        var text = await bibtex.Content.ReadAsStringAsync();
        Assert.StartsWith($"@misc{{q7x2-v{version},", text, StringComparison.Ordinal);
        Assert.Contains($"version = {{{version}}}", text, StringComparison.Ordinal);

        // A write moves the version the citation names.
        var curator = _factory.CreateClient().WithKey(TestKeys.Curator);
        Assert.Equal(HttpStatusCode.OK, (await curator.PatchAsync(Source, """{ "license": "All rights reserved" }""")).StatusCode);
        var after = JsonDocument.Parse(await client.GetStringAsync("/v1/citation")).RootElement[0].GetProperty("version").GetString();
        Assert.NotEqual(version, after);
    }
}
