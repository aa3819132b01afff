using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Q7x2.Api.Infrastructure;
using Q7x2.Api.Tests.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.CompiledModel;

namespace Q7x2.Api.Tests.Seeding;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _temp = Repository.TempDirectory();

    public void Dispose() => _temp.Dispose();

    private Q7x2Db CreateDb() => new(new DbContextOptionsBuilder<Q7x2Db>()
        .UseQ7x2Sqlite($"Data Source={Path.Combine(_temp.Path, "empty.db")}")
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
    public async Task AFactMayHaveAnObjectAndAValueAfterAMigrationThatKeepsTheStoredRowsTriggersAndViews()
    {
        await using var db = CreateDb();
        var all = db.Database.GetMigrations().ToList();
        var loosening = all.Single(m => m.EndsWith("_FactObjectAndValue", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(all[all.IndexOf(loosening) - 1]);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "Areas") VALUES ('a', 'country', 'A', 'a', '[]'), ('b', 'country', 'B', 'b', '[]');
            INSERT INTO "Predicates" ("Id", "Label", "Description") VALUES ('p', 'p', 'p');
            INSERT INTO "Sources" ("Id", "Title", "Language", "Text", "Sha256", "CharCount") VALUES ('s', 's', 'en', 'text', 'x', 4);
            INSERT INTO "Facts" ("Id", "SubjectId", "PredicateId", "ObjectId", "Modality") VALUES ('f', 'a', 'p', 'b', 'stated');
            INSERT INTO "Evidence" ("SourceId", "Start", "End", "Exact", "Prefix", "Suffix", "FactId", "Position") VALUES ('s', 0, 4, 'text', '', '', 'f', 0);
            """);
        var before = await SchemaObjectsAsync(db);
        const string Both = """INSERT INTO "Facts" ("Id", "SubjectId", "PredicateId", "ObjectId", "Value", "Modality") VALUES ('both', 'a', 'p', 'b', 'v', 'stated')""";
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(Both));

        // Another process's connection, which has read the schema before the migration, sees the new constraint.
        await using var other = new SqliteConnection(db.Database.GetConnectionString());
        await other.OpenAsync();
        await using (var read = new SqliteCommand("SELECT count(*) FROM \"Facts\"", other))
        {
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }

        await db.GetService<IMigrator>().MigrateAsync(loosening);

        await using (var insert = new SqliteCommand(Both, other))
        {
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var neither = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Facts" ("Id", "SubjectId", "PredicateId", "Modality") VALUES ('neither', 'a', 'p', 'stated')"""));
        Assert.Contains("CK_Facts_ObjectOrValue", neither.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.Evidence.CountAsync(v => v.FactId == "f"));
        Assert.Equal(before, await SchemaObjectsAsync(db));
        // The fact-count triggers still run: 'b' is the object of both facts.
        Assert.Equal(2, await db.EntityFactCounts.Where(c => c.EntityId == "b").Select(c => c.Facts).SingleAsync());
    }

    [Fact]
    public async Task BacklinksAreRebuiltInReadOrderWithNamesAndDatesAndBackAgain()
    {
        await using var db = CreateDb();
        var all = db.Database.GetMigrations().ToList();
        var rebuild = all.Single(m => m.EndsWith("_BacklinksInReadOrder", StringComparison.Ordinal));
        var before = all[all.IndexOf(rebuild) - 1];
        await db.GetService<IMigrator>().MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "Areas") VALUES ('a', 'country', 'A', 'a', '[]'), ('b', 'person', 'B', 'b', '[]');
            INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "Areas", "DateText", "DateFrom", "DateTo", "DatePrecision", "DateBasis")
            VALUES ('e', 'event', 'E', 'e', '[]', 'June 2021', '2021-06-01', '2021-06-30', 'month', 'stated');
            INSERT INTO "EntityLinks" ("EntityId", "Role", "TargetId", "Position") VALUES ('e', 'participant', 'a', 0), ('e', 'participant', 'b', 1);
            UPDATE "Entities" SET "CountryId" = 'a' WHERE "Id" = 'b';
            """);
        const string Rows = """SELECT "TargetId" || ' ' || "Relation" || ' ' || "RecordKind" || ' ' || "DateKey" || ' ' || "RecordId" AS "Value" FROM "Backlinks" ORDER BY 1""";
        var rows = await db.Database.SqlQueryRaw<string>(Rows).ToListAsync();
        const string Counts = """SELECT "TargetId" || ' ' || "Relation" || ' ' || "RecordKind" || ' ' || "Records" AS "Value" FROM "BacklinkCounts" ORDER BY 1""";
        var counts = await db.Database.SqlQueryRaw<string>(Counts).ToListAsync();
        Assert.Equal(3, rows.Count);

        await db.GetService<IMigrator>().MigrateAsync(rebuild);

        Assert.Equal(rows, await db.Database.SqlQueryRaw<string>(Rows).ToListAsync());
        Assert.Equal(counts, await db.Database.SqlQueryRaw<string>(Counts).ToListAsync());
        var shown = await db.Database.SqlQueryRaw<string>("""
            SELECT "RecordId" || ' ' || "Name" || ' ' || "DateText" || ' ' || "DateTo" AS "Value" FROM "Backlinks" WHERE "RecordId" = 'e'
            """).ToListAsync();
        Assert.Equal(["e E June 2021 2021-06-30", "e E June 2021 2021-06-30"], shown);
        Assert.Contains("WITHOUT ROWID", await db.Database.SqlQueryRaw<string>(
            """SELECT sql AS "Value" FROM sqlite_schema WHERE name = 'Backlinks'""").SingleAsync(), StringComparison.Ordinal);

        // The triggers came back with the table: a rename reaches the rows, and a new link adds one and counts it.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Entities" SET "Name" = 'E renamed' WHERE "Id" = 'e'""");
        Assert.Equal(2, await db.Backlinks.CountAsync(b => b.RecordId == "e" && b.Name == "E renamed"));
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Entities" ("Id", "Kind", "Name", "Description", "Areas") VALUES ('c', 'country', 'C', 'c', '[]');
            INSERT INTO "EntityLinks" ("EntityId", "Role", "TargetId", "Position") VALUES ('e', 'participant', 'c', 2);
            """);
        Assert.Equal(1, await db.BacklinkCounts.Where(c => c.TargetId == "c").Select(c => c.Records).SingleAsync());

        await db.GetService<IMigrator>().MigrateAsync(before);

        Assert.Equal(4, (await db.Database.SqlQueryRaw<string>(Rows).ToListAsync()).Count);
        Assert.DoesNotContain("WITHOUT ROWID", await db.Database.SqlQueryRaw<string>(
            """SELECT sql AS "Value" FROM sqlite_schema WHERE name = 'Backlinks'""").SingleAsync(), StringComparison.Ordinal);
    }

    private static Task<List<string>> SchemaObjectsAsync(Q7x2Db db) => db.Database
        .SqlQueryRaw<string>("SELECT type || ' ' || name AS \"Value\" FROM sqlite_schema WHERE type IN ('trigger', 'view', 'index') ORDER BY 1")
        .ToListAsync();

    [Fact]
    public async Task TheCompiledModelMatchesTheConfiguration()
    {
        await using var db = CreateDb();
        var configured = Schema(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.Same(Q7x2DbModel.Instance, db.Model);
        Assert.True(configured.Count > 100, $"only {configured.Count} schema lines: the fingerprint reads too little");
        // Stale after a model change: run `dotnet ef dbcontext optimize -p src/Q7x2.Data -s src/Q7x2.Api -o CompiledModel -n Q7x2.Data.CompiledModel`.
        Assert.Equal(configured, Schema(Q7x2DbModel.Instance.GetRelationalModel()));
    }

    /// <summary>Every table, view, column (store type, nullability), key, foreign key and index of a model, a line each.</summary>
    private static List<string> Schema(IRelationalModel model) =>
    [
        .. model.Tables.SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}")
            .Concat(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"))
            .Concat(t.ForeignKeyConstraints.Select(f =>
                $"{t.Name} fk {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"))),
        .. model.Views.SelectMany(v => v.Columns.Select(c => $"view {v.Name}.{c.Name} {c.StoreType}")),
    ];

    [Fact]
    public void TheCompiledModelIsNotFoundByAssemblyAttribute()
    {
        // dotnet ef dbcontext optimize writes Q7x2DbAssemblyAttributes.cs; with it EF would hand SQLite's compiled model to a
        // PostgreSQL context too. The SQLite options name the model instead (UseQ7x2Sqlite): delete the file (README).
        Assert.Empty(typeof(Q7x2Db).Assembly.GetCustomAttributes(typeof(DbContextModelAttribute), inherit: false));
    }

    [Fact]
    public async Task TheModelHasNoChangesMissingFromTheMigrations()
    {
        await using var db = CreateDb();

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add` for the model changes");
    }
}
