using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Http;

/// <summary>A query value its parameter's type cannot hold is a 400 problem naming the parameter and quoting the value.</summary>
public sealed class QueryValueTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/facts?count=maybe", "count", "maybe")]
    [InlineData("/v1/facts?limit=1&limit=2", "limit", "1,2")]
    [InlineData("/v1/search?q=japarov&limit=1.5", "limit", "1.5")]
    [InlineData("/v1/timeline?limit=2147483648", "limit", "2147483648")]
    [InlineData("/v1/people/sadyr-japarov/revisions?limit=x", "limit", "x")]
    public async Task AValueOfTheWrongTypeIsAProblemNamingItsParameter(string url, string parameter, string value)
    {
        var problem = await (await _client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal(parameter, error.Name);
        Assert.Contains($"'{value}'", error.Value[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/facts?limit=%201&count=True")]
    [InlineData("/v1/facts?limit=&count=")]
    public async Task ValuesTheBinderAcceptsAreAccepted(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
