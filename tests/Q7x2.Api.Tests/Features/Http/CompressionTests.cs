using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

public sealed class CompressionTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/people/sadyr-japarov")]
    [InlineData("/v1/facts?limit=20")]
    public async Task GzipBrotliAndIdentityAreRepresentationsWithTheirOwnETags(string url)
    {
        var identity = await _client.SendAsync(CacheAssertions.Get(url));
        var gzip = await _client.SendAsync(CacheAssertions.Get(url, acceptEncoding: "gzip"));
        var brotli = await _client.SendAsync(CacheAssertions.Get(url, acceptEncoding: "gzip;q=0.5, br"));
        var gzipAgain = await _client.SendAsync(CacheAssertions.Get(url, acceptEncoding: "gzip"));

        var plain = await identity.Content.ReadAsByteArrayAsync();
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(plain, Decompress(await gzip.Content.ReadAsByteArrayAsync(), s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Equal(plain, Decompress(await brotli.Content.ReadAsByteArrayAsync(), s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.True((await gzip.Content.ReadAsByteArrayAsync()).Length < plain.Length);
        foreach (var response in new[] { identity, gzip, brotli })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        Assert.Equal(3, new[] { identity, gzip, brotli }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.True(gzipAgain.IsCacheHit());
        Assert.Equal(gzip.Headers.ETag, gzipAgain.Headers.ETag);
    }

    [Fact]
    public async Task TheETagOfOneEncodingDoesNotMatchAnother()
    {
        var gzip = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", acceptEncoding: "gzip"));

        var identity = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", ifNoneMatch: gzip.Headers.ETag!.Tag));
        var sameEncoding = await _client.SendAsync(CacheAssertions.Get("/v1/people/sadyr-japarov", gzip.Headers.ETag.Tag, "gzip"));

        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.NotEqual(gzip.Headers.ETag, identity.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, sameEncoding.StatusCode);
    }

    [Fact]
    public async Task SmallBodiesAreSentAsTheyAre()
    {
        var response = await _client.SendAsync(CacheAssertions.Get("/v1/people/nobody", acceptEncoding: "gzip"));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task TheOpenApiDocumentIsCompressed()
    {
        var response = await _client.SendAsync(CacheAssertions.Get("/openapi/v1.json", acceptEncoding: "br"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var document = JsonDocument.Parse(Decompress(await response.Content.ReadAsByteArrayAsync(), s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    private static byte[] Decompress(byte[] compressed, Func<Stream, Stream> decoder)
    {
        using var output = new MemoryStream();
        using (var stream = decoder(new MemoryStream(compressed)))
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }
}
