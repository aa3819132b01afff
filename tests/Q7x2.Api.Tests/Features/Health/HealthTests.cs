using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Health;

public sealed class HealthTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task LivenessAnswersOk()
    {
        var body = await (await _client.GetAsync("/health/live")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("live", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ReadinessAnswersOkOnceMigratedAndSeeded()
    {
        var body = await (await _client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("ready", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteReturnsNotFoundProblem()
    {
        await (await _client.GetAsync("/v1/no-such-thing")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWrongMethodReturnsMethodNotAllowedProblem()
    {
        await (await _client.DeleteAsync("/v1/sources")).ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
