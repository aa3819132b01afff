using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

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
    public async Task ReadinessNamesAMigrationTheDatabaseLacks()
    {
        using var api = new Q7x2ApiFactory();
        var client = api.CreateClient();
        await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        var last = db.Database.GetMigrations().Last();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");

        var problem = await (await client.GetAsync("/health/ready")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("migrations", problem.GetProperty("failedCheck").GetString());
        Assert.Contains(last, problem.GetProperty("detail").GetString());
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
