using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Tests.Seeding;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private Q7x2Db CreateDb() => new(new DbContextOptionsBuilder<Q7x2Db>()
        .UseSqlite($"Data Source={Path.Combine(_temp.Path, "empty.db")}", o => o.MigrationsAssembly("Q7x2.Migrations.Sqlite"))
        .Options);

    [Fact]
    public async Task EveryMigrationAppliesToAnEmptyDatabase()
    {
        await using var db = CreateDb();
        var all = db.Database.GetMigrations().ToList();

        await db.Database.MigrateAsync();

        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Sources.CountAsync());
    }

    [Fact]
    public async Task TheModelHasNoChangesMissingFromTheMigrations()
    {
        await using var db = CreateDb();

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for the model changes");
    }
}
