using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Features.Curation;

/// <summary>Curators racing on one record never overwrite each other silently and never see a server error.</summary>
public sealed class ConcurrencyTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const int Clients = 16;
    private const int UpdatesEach = 10;

    [Fact]
    public async Task SixteenClientsMakingTenConditionalUpdatesEachLoseNoUpdate()
    {
        const string url = "/v1/people/sadyr-japarov";
        var serverErrors = 0;
        var preconditionFailures = 0;

        // Clients made one by one: the first starts the host (and seeds it) exactly once.
        var clients = Enumerable.Range(0, Clients).Select(_ => factory.CreateClient().WithKey(TestKeys.Curator)).ToList();

        async Task<int> ClientAsync(int client)
        {
            var http = clients[client];
            var done = 0;
            while (done < UpdatesEach)
            {
                var get = await http.GetAsync(url);
                if ((int)get.StatusCode >= 500)
                {
                    Interlocked.Increment(ref serverErrors);
                    continue;
                }

                var etag = get.Headers.ETag!.Tag;
                var response = await http.SendAsync(HttpMethod.Patch, url,
                    TestKeys.MergePatch($$"""{ "description": "Update {{done}} by client {{client}}." }"""), etag);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    done++;
                }
                else if (response.StatusCode == HttpStatusCode.PreconditionFailed)
                {
                    Interlocked.Increment(ref preconditionFailures);
                }
                else
                {
                    Interlocked.Increment(ref serverErrors);
                    Assert.Fail($"client {client}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }

            return done;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))));

        Assert.Equal(Clients * UpdatesEach, results.Sum());
        Assert.Equal(0, serverErrors);
        await using var db = factory.CreateDb();
        Assert.Equal(Clients * UpdatesEach, db.Revisions.Count(r => r.Resource == "people" && r.ResourceId == "sadyr-japarov" && r.Operation == "update"));
        var total = 0;
        string? cursor = null;
        using var reader = factory.CreateClient();
        do
        {
            var page = await (await reader.GetAsync($"{url}/revisions?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).ReadJsonAsync(HttpStatusCode.OK);
            // The seed's first load is the record's first revision (a create by `seed`); the clients' updates follow it.
            total += page.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("operation").GetString() == "update");
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Clients * UpdatesEach, total);
    }

    [Fact]
    // SQLite only: busy_timeout; a PostgreSQL writer waits on the advisory lock without a timeout.
    [Trait(Engine.Trait, Engine.Sqlite)]
    public async Task EveryConnectionTheApiOpensWaitsForAnotherWriterInsteadOfFailing()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();

        var timeouts = await db.Database.SqlQueryRaw<int>("SELECT timeout AS \"Value\" FROM pragma_busy_timeout").ToListAsync();

        Assert.Equal([WriteTransactions.BusyTimeoutMilliseconds], timeouts);
    }
}
