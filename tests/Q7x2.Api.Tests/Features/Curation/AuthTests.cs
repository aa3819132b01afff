using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Curation;

public sealed class AuthTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private static HttpContent Body => TestKeys.Json(CurationClient.Person("auth-test-person").ToJsonString());

    [Fact]
    public async Task AWriteWithoutAKeyIsUnauthorizedWithAnApiKeyChallenge()
    {
        var response = await factory.CreateClient().PostAsync("/v1/people", Body);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("ApiKey", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteWithAnUnknownKeyIsUnauthorized()
    {
        var response = await factory.CreateClient().WithKey("not-a-configured-key").SendAsync(HttpMethod.Delete, "/v1/people/sadyr-japarov", null, "*");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AWriteWithoutAKeyIsUnauthorizedBeforeItsQueryOrBodyIsChecked()
    {
        var anonymous = await factory.CreateClient().PostAsync("/v1/people?bogus=1", TestKeys.Json("{}"));
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("ApiKey", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // With a key the same request reaches the checks: the unknown parameter is reported.
        var curator = await factory.CreateClient().WithKey(TestKeys.Curator).PostAsync("/v1/people?bogus=1", TestKeys.Json("{}"));
        var problem = await curator.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("bogus", out _), problem.ToString());
    }

    [Fact]
    public void AMalformedKeyHashStopsTheHostWithAMessageNamingTheKey()
    {
        using var inner = new Q7x2ApiFactory();
        using var factory = inner.WithWebHostBuilder(builder => builder.UseSetting("Auth:Keys:1:Sha256", "0123abc"));

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(exception).Select(e => e.Message));
        Assert.Contains("Auth:Keys:1 ('admin-ci')", messages, StringComparison.Ordinal);
        Assert.Contains("Sha256 must be the SHA-256 of the key as 64 hexadecimal digits", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("0123abc", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyNamedAfterTheSeedStopsTheHost()
    {
        using var inner = new Q7x2ApiFactory();
        using var factory = inner.WithWebHostBuilder(builder => builder.UseSetting("Auth:Keys:1:Name", "seed"));

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Chain(exception).Select(e => e.Message));
        Assert.Contains("Auth:Keys:1 ('seed'): the name 'seed' is the actor of the seed's own revisions", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    [Fact]
    public async Task AKeyWithoutAWriteRoleIsForbidden()
    {
        var response = await factory.CreateClient().WithKey(TestKeys.Reader).PostAsync("/v1/people", Body);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAdminKeyMayWriteAndReadsStayAnonymous()
    {
        var created = await factory.CreateClient().WithKey(TestKeys.Admin).PostAsync("/v1/people", Body);
        await created.ReadJsonAsync(HttpStatusCode.Created);

        var read = await factory.CreateClient().GetAsync("/v1/people/auth-test-person");
        await read.ReadJsonAsync(HttpStatusCode.OK);
        var revisions = await (await factory.CreateClient().GetAsync("/v1/people/auth-test-person/revisions")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("admin-ci", revisions.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentRequiresTheApiKeyOnWritesOnly()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync(HttpStatusCode.OK);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var people = document.GetProperty("paths").GetProperty("/v1/people");
        Assert.True(people.GetProperty("post").GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.False(people.GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task KeysNewPrintsAKeyOnceAndAConfigurationEntryWithItsHash()
    {
        using var temp = Repository.TempDirectory();

        var result = await ApiProcess.RunAsync(temp.Path, ["keys", "new", "--name", "ci", "--role", "curator"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Auth__Keys__0__Name=ci", result.Output, StringComparison.Ordinal);
        Assert.Contains("Auth__Keys__0__Role=curator", result.Output, StringComparison.Ordinal);
        var key = result.Output.Split("X-Api-Key: ")[1].Trim();
        Assert.Contains($"Auth__Keys__0__Sha256={TestKeys.Hash(key)}", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "data", "q7x2.db")), "keys new must not create or migrate a database");
    }
}
