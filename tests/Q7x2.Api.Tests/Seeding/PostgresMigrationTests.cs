using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;

namespace Q7x2.Api.Tests.Seeding;

/// <summary>The PostgreSQL migrations, as the start-up step applies them (skipped without a server: <see cref="PostgresServer"/>).</summary>
// Picks its engines itself: the first run runs it; the PostgreSQL run leaves it out (Engine.Fixed).
[Trait(Engine.Trait, Engine.Fixed)]
public sealed class PostgresMigrationTests
{
    [SkippableFact]
    public async Task StartUpCreatesTheDatabaseAndAppliesEveryMigration()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = database.CreateDb();

        await DatabaseCommands.ExclusivelyAsync(db, ct => DatabaseCommands.MigrateAsync(db, ct), CancellationToken.None);

        var all = db.Database.GetMigrations().ToList();
        Assert.Equal(2, all.Count(m => m.EndsWith("_Initial", StringComparison.Ordinal) || m.EndsWith("_DerivedTables", StringComparison.Ordinal)));
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await DatabaseCommands.PendingMigrationsAsync(db, CancellationToken.None));
        Assert.Equal(0, await db.Sources.CountAsync());
    }

    [SkippableFact]
    public async Task ReplicasStartingAtOnceAgainstAnEmptyServerAllStart()
    {
        await using var database = PostgresServer.NewDatabase();
        var contexts = Enumerable.Range(0, 3).Select(_ => database.CreateDb()).ToList();

        await Task.WhenAll(contexts.Select(db => Task.Run(() =>
            DatabaseCommands.ExclusivelyAsync(db, ct => DatabaseCommands.MigrateAsync(db, ct), CancellationToken.None))));

        foreach (var db in contexts)
        {
            Assert.Empty(await DatabaseCommands.PendingMigrationsAsync(db, CancellationToken.None));
            await db.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task PendingMigrationsOfAnEmptyDatabaseAreAllOfThem()
    {
        await using var database = PostgresServer.NewDatabase();
        await using var db = database.CreateDb();
        await db.GetService<IRelationalDatabaseCreator>().CreateAsync();

        Assert.Equal(db.Database.GetMigrations(), await DatabaseCommands.PendingMigrationsAsync(db, CancellationToken.None));
    }

    [Fact]
    public void ThePostgresModelHasNoChangesMissingFromItsMigrations()
    {
        using var db = new Q7x2.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for PostgreSQL (README, Migrations)");
    }
}
