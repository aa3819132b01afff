using System.Net;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>
/// If-Match holds across processes: two API processes on one database file accept each ETag once, because the check and
/// the write happen in one transaction that holds the database's write lock, not under a lock of one process.
/// </summary>
public sealed class MultiProcessConcurrencyTests : IDisposable
{
    private const int Rounds = 20;
    private const int Writers = 16;
    private const string Url = "/v1/people/sadyr-japarov";

    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TwoProcessesAcceptEachETagExactlyOnce()
    {
        var database = Path.Combine(_temp.Path, "q7x2.db");
        var seed = await ApiProcess.RunAsync(_temp.Path, "seed", $"--ConnectionStrings:Sqlite=Data Source={database}", $"--Seed:Path={Repository.Seed}");
        Assert.True(seed.ExitCode == 0, seed.Error);
        await using var first = await ApiServer.StartAsync(_temp.Path, database, Repository.Seed);
        await using var second = await ApiServer.StartAsync(_temp.Path, database, Repository.Seed);
        HttpClient[] clients = [first.CreateClient().WithKey(TestKeys.Curator), second.CreateClient().WithKey(TestKeys.Curator)];

        var successes = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var etag = await clients[round % 2].ETagAsync(Url);
            var writes = Enumerable.Range(0, Writers).Select(w => Task.Run(() => clients[w % 2].SendAsync(HttpMethod.Patch, Url,
                TestKeys.MergePatch($$"""{ "description": "Round {{round}}, writer {{w}}." }"""), etag)));
            var statuses = (await Task.WhenAll(writes)).Select(r => r.StatusCode).ToList();

            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(", ", statuses)}");
            Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
            successes += statuses.Count(s => s == HttpStatusCode.OK);
        }

        await using var db = new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite($"Data Source={database}").Options);
        // The curators' revisions (the seed's first load recorded its own, without bodies, before them).
        var revisions = await db.Revisions.Where(r => r.Resource == "people" && r.ResourceId == "sadyr-japarov" && r.Actor != "seed").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(successes, revisions.Count);

        // In change-feed order, each write starts from the record the one before it left: none was lost or reordered.
        for (var i = 1; i < revisions.Count; i++)
        {
            Assert.Equal(revisions[i - 1].After, revisions[i].Before);
        }
    }
}
