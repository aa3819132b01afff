using System.Net;
using Microsoft.Data.Sqlite;
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

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _factory.DatabasePath + "-wal", _factory.DatabasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(_factory.DatabasePath, new string('x', 4096));
        var response = await client.GetAsync("/health/ready");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database", problem.GetProperty("failedCheck").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("'database' check failed", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", problem.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not a database", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
