using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Search;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>
/// A seed run keeps SQLite's statement journals in memory (<c>PRAGMA temp_store = MEMORY</c>, set before its transaction
/// begins, since SQLite reads it when a write transaction starts): with the default, a large run wrote each page its statements
/// changed to a temporary file again and again. The connection gets its default back afterwards.
/// </summary>
// SQLite only: the seeder's statement journals are SQLite's pragmas (journal_mode, temp_store).
[Trait(Engine.Trait, Engine.Sqlite)]
public sealed class SeedJournalTests(Q7x2ApiFactory factory) : IClassFixture<Q7x2ApiFactory>
{
    private const int Default = 0;
    private const int Memory = 2;

    [Fact]
    public async Task ARunKeepsItsStatementJournalsInMemoryAndRestoresTheDefault()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Q7x2Db>();
        int? during = null;
        var seeder = new Seeder(db, scope.ServiceProvider.GetRequiredService<ISearchIndex>())
        {
            Planned = async ct => during = await TempStoreAsync(db, ct),
        };

        var result = await seeder.ApplyAsync(Repository.Seed, dryRun: false, CancellationToken.None);

        Assert.True(result.Unchanged);
        Assert.Equal(Memory, during);
        Assert.Equal(Default, await TempStoreAsync(db, CancellationToken.None));
    }

    private static async Task<int> TempStoreAsync(Q7x2Db db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<int>("SELECT temp_store AS Value FROM pragma_temp_store").SingleAsync(ct);
}
