using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>
/// A seed run holds the database's write lock from before it reads who owns what until it commits: a curator write that
/// arrives while the run is between planning and commit waits for it, then commits, and the seed never overwrites it.
/// </summary>
// SQLite only: a second seed run (the seeder's diffing of stored records) is SQLite's so far; PostgreSQL loads an empty database.
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class SeedRaceTests
{
    [Fact]
    public async Task ACuratorWriteMadeWhileTheSeedIsBetweenPlanningAndCommitSurvivesTheSeed()
    {
        var transactions = new TransactionSignal();
        await using var host = new Q7x2ApiFactory();
        await using var factory = host.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.ConfigureDbContext<Q7x2Db>(o => o.AddInterceptors(transactions))));
        var curator = factory.CreateClient().WithKey(TestKeys.Curator);

        // The seed will change khujand back to its seed description: it is seed-owned and has drifted.
        await using (var db = new Q7x2Db(new DbContextOptionsBuilder<Q7x2Db>().UseQ7x2Sqlite(host.ConnectionString).Options))
        {
            (await db.Entities.SingleAsync(e => e.Id == "khujand")).Description = "Drifted from the seed.";
            await db.SaveChangesAsync();
        }

        var planned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var scope = factory.Services.CreateScope();
        var seeder = new Seeder(scope.ServiceProvider.GetRequiredService<Q7x2Db>(), scope.ServiceProvider.GetRequiredService<ISearchIndex>())
        {
            Planned = async _ =>
            {
                planned.SetResult();
                await resume.Task;
            },
        };
        var seeding = Task.Run(() => seeder.ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None));
        await planned.Task.WaitAsync(TimeSpan.FromMinutes(2));

        var writeStarts = transactions.Next();
        var write = Task.Run(() => curator.SendAsync(HttpMethod.Patch, "/v1/places/khujand",
            TestKeys.MergePatch("""{ "description": "Edited by a curator while the seed ran." }"""), "*"));
        await writeStarts.WaitAsync(TimeSpan.FromMinutes(2));
        resume.SetResult();

        var result = await seeding.WaitAsync(TimeSpan.FromMinutes(2));
        var response = await write.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("0 added, 1 changed, 0 removed, 0 kept (curator-owned)", result.ToString());
        await response.ReadJsonAsync(HttpStatusCode.OK);
        var khujand = await (await curator.GetAsync("/v1/places/khujand")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Edited by a curator while the seed ran.", khujand.GetProperty("description").GetString());
        using var again = factory.Services.CreateScope();
        var reseed = await again.ServiceProvider.GetRequiredService<Seeder>().ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);
        Assert.Equal("0 added, 0 changed, 0 removed, 1 kept (curator-owned)", reseed.ToString());
    }

    /// <summary>Completes a task when the API is about to begin its next transaction (the write's, which takes the write lock).</summary>
    private sealed class TransactionSignal : DbTransactionInterceptor
    {
        private TaskCompletionSource? _next;

        public Task Next()
        {
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _next.Task;
        }

        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Exchange(ref _next, null)?.SetResult();
            return ValueTask.FromResult(result);
        }
    }
}
