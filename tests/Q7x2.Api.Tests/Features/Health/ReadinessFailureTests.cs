using System.Net;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Features.Health;

public sealed class ReadinessFailureTests : IDisposable
{
    private readonly Q7x2ApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ABrokenDatabaseNamesTheFailedCheckWithoutExceptionText()
    {
        var client = _factory.CreateClient();
        await (await client.GetAsync("/health/ready")).ReadJsonAsync(HttpStatusCode.OK);

        _factory.BreakDatabase();
        var response = await client.GetAsync("/health/ready");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database", problem.GetProperty("failedCheck").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'database' check failed", detail, StringComparison.Ordinal);
        foreach (var leaked in new[] { "SQLite", "not a database", "PostgreSQL", "Npgsql", "does not exist" })
        {
            Assert.DoesNotContain(leaked, problem.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
