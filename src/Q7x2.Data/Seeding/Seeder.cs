using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Brings the database to the state a seed folder describes, in one transaction: records missing from the database are
/// added, records that differ are replaced, records the seed no longer has are removed. A second run with the same seed
/// changes nothing. The search index follows in the same transaction. Curator-owned records — every id written or deleted
/// through the API, i.e. with a revision — are never changed, removed or re-added: a seed record whose id a curator owns is
/// left as the curator's (a record a curator deleted stays deleted). They are counted as kept. A seed record whose id a
/// curator created is an error. The run holds the database's write lock from before it reads ownership until it commits.
/// <para>
/// The seed is streamed: each record is checked (<see cref="SeedLoader"/>), compared by hash with the stored rows of its id
/// (<see cref="StoredRecords"/>) and written if it differs (<see cref="SeedWriter"/>), on a thread of its own while the next
/// records are read (<see cref="SeedPipeline"/>). An error anywhere rolls everything back, so nothing is written unless the
/// whole seed is valid.
/// </para>
/// </summary>
public sealed class Seeder(Q7x2Db db, ISearchIndex search)
{
    /// <summary>
    /// Called once the run holds the write lock and has read what the database holds, before it reads and writes the seed
    /// (a test pauses the run here).
    /// </summary>
    public Func<CancellationToken, Task>? Planned { get; init; }

    public async Task<SeedResult> ApplyAsync(string root, bool dryRun, CancellationToken ct)
    {
        if (db.IsPostgres())
        {
            return await PostgresFirstLoad.ApplyAsync(db, search, root, dryRun, ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        try
        {
            // Statement journals in memory: statements of a large run save the pages they change (pages the transaction has
            // already written) in a statement journal, which otherwise spills to a temporary file after 64 KiB; a first run
            // of 1,000 generated sources wrote 5.6 GB there (1.4 million pages) for a 180 MB database. It takes effect only
            // if set before the transaction begins.
            Pragma(connection, "temp_store = MEMORY");
            return await ApplyLockedAsync(connection, root, dryRun, ct);
        }
        finally
        {
            Pragma(connection, "temp_store = DEFAULT");
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = new SqliteCommand($"PRAGMA {pragma}", connection);
        command.ExecuteNonQuery();
    }

    private async Task<SeedResult> ApplyLockedAsync(SqliteConnection connection, string root, bool dryRun, CancellationToken ct)
    {
        // The write lock first: ownership is read, and records compared, from the state the commit replaces.
        await using var transaction = await db.BeginWriteAsync(ct);
        var sqlite = (SqliteTransaction)transaction.GetDbTransaction();
        var owners = await ReadOwnersAsync(ct);
        var stored = StoredRecords.Read(connection);
        if (Planned is not null)
        {
            await Planned(ct);
        }

        SeedResult result;
        using (var writer = new SeedWriter(connection, sqlite, stored, owners, AreasColumn(), dryRun, ct))
        {
            // Reading and checking the seed on this thread, writing it on the pipeline's: each takes about half the time.
            using (var pipeline = new SeedPipeline(writer))
            {
                SeedLoader.Read(root, pipeline);
                pipeline.Complete();
            }

            writer.Finish();
            result = new SeedResult(writer.Added, writer.Changed, writer.Removed, dryRun) { Kept = owners.Curated.Count };
            if (dryRun || result.Unchanged)
            {
                return result;
            }

            // Recorded in the change feed, so that a service mirroring it sees what the seed changed.
            writer.RecordChanges(DateTime.UtcNow);

            // The rows of touched records (and of the facts and observations that show them) are re-indexed before the
            // commit: no reader ever sees the data and its index disagree.
            await search.RefreshAsync(db, writer.Touched, ct);
        }

        await DataVersion.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);

        // A large run leaves a write-ahead log as large as what it wrote (2 GB for 10,000 sources) after its checkpoint, and
        // every later first open of the database reads the whole log to index it: a start took 2.8-3.2 s with it and 1.6 s
        // without. Truncated once every reader has moved on (SQLite waits for them, up to the busy timeout; if one is still
        // on an older snapshot then, the log stays as it is and is reused).
        Pragma(connection, "wal_checkpoint(TRUNCATE)");
        return result;
    }

    private async Task<SeedOwners> ReadOwnersAsync(CancellationToken ct)
    {
        // Curator-owned: written through the API (Origin), or written or deleted by a curator once (a revision of theirs). The seed's
        // own revisions make nothing curator-owned.
        var curators = db.Revisions.Where(r => r.Actor != RecordOrigin.Seed);
        var firstIds = curators.GroupBy(r => new { r.Resource, r.ResourceId }).Select(g => g.Min(r => r.Id));
        var revised = await db.Revisions.AsNoTracking().Where(r => firstIds.Contains(r.Id))
            .Select(r => new { r.Resource, r.ResourceId, First = r.Operation }).ToListAsync(ct);
        var curated = (await db.Sources.Where(s => s.Origin == RecordOrigin.Curator).Select(s => s.Id)
                .Concat(db.Entities.Where(e => e.Origin == RecordOrigin.Curator).Select(e => e.Id))
                .Concat(db.Facts.Where(f => f.Origin == RecordOrigin.Curator).Select(f => f.Id))
                .Concat(db.Observations.Where(o => o.Origin == RecordOrigin.Curator).Select(o => o.Id))
                .ToListAsync(ct))
            .Concat(revised.Select(r => r.ResourceId))
            .ToHashSet(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var created in revised.Where(r => r.First == RevisionOperation.Create))
        {
            (created.Resource == "sources" ? sources : records).TryAdd(created.ResourceId, created.Resource);
        }

        return new SeedOwners(curated, sources, records);
    }

    /// <summary>How EF Core stores an agreement's areas (a JSON array), so that rows written here read back through the model.</summary>
    private Func<List<string>, string> AreasColumn()
    {
        var converter = db.Model.FindEntityType(typeof(Entity))!.FindProperty(nameof(Entity.Areas))!.GetTypeMapping().Converter
            ?? throw new InvalidOperationException("Entity.Areas has no value converter");
        return areas => (string)converter.ConvertToProvider(areas)!;
    }
}
