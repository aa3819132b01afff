using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Q7x2.Api.Infrastructure;
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
    public async Task StartUpAppliesWhatIsPendingAndNothingOnAnUpToDateDatabase()
    {
        await using var db = CreateDb();
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        Assert.Equal([all[^1]], await db.Database.GetPendingMigrationsAsync());

        await DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());

        // Up to date: nothing is applied again (a second run of the last migration would fail on its existing indexes).
        await DatabaseCommands.MigrateAsync(db, CancellationToken.None);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task StartUpMigratesAnEmptyDatabase()
    {
        await using var db = CreateDb();

        await DatabaseCommands.MigrateAsync(db, CancellationToken.None);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task TheModelHasNoChangesMissingFromTheMigrations()
    {
        await using var db = CreateDb();

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for the model changes");
    }
}
