using Microsoft.EntityFrameworkCore;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Data.Seeding;

/// <summary>
/// The seed's first load into an empty PostgreSQL database, through EF Core: the same checked records (<see cref="SeedLoader"/>),
/// written parents first in the seeder's order, the same revisions of the actor <c>seed</c>, the search index refreshed and the
/// data version bumped, all in one write transaction (a dry run rolls it back). The derived tables are filled from their views
/// once the records are in (their row triggers off meanwhile). A database that already holds data is refused: comparing a seed with stored records (a second run) is done by
/// <see cref="SeedWriter"/>, on SQLite only so far.
/// </summary>
internal static class PostgresFirstLoad
{
    /// <summary>Rows saved per round trip set: large enough to batch, small enough that the change tracker stays cheap.</summary>
    private const int Chunk = 2_000;

    public static async Task<SeedResult> ApplyAsync(Q7x2Db db, ISearchIndex search, string root, bool dryRun, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteAsync(ct);
        if (await db.Sources.AnyAsync(ct) || await db.Predicates.AnyAsync(ct) || await db.Revisions.AnyAsync(ct))
        {
            throw new SeedRefusedException(
                "The database already holds data: on PostgreSQL the seed is only loaded into an empty database so far (a second run, " +
                "which compares the seed with the stored records, needs SQLite); nothing was written.");
        }

        var seed = SeedLoader.Load(root);
        // The derived tables' row triggers are off for the load (each row would recompute its record's backlinks, relations and
        // counts: most of a load's time), and each table is filled from its view at the end, as SQLite's first load does. The
        // foreign keys stay checked (they are PostgreSQL's internal triggers, which DISABLE TRIGGER USER leaves on); DDL is
        // transactional, so a failed or dry run leaves the triggers as they were.
        await db.Database.ExecuteSqlRawAsync(UserTriggers("DISABLE"), ct);

        var changes = new List<(string Resource, string Id)>();
        var touched = new List<string>();
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var notes = seed.CoverageNotes.ToLookup(n => n.SourceId, StringComparer.Ordinal);
            await SaveAsync(db, seed.Sources.SelectMany(s => (IEnumerable<object>)[s, .. notes[s.Id]]), ct);
            changes.AddRange(seed.Sources.Select(s => ("sources", s.Id)));
            await SaveAsync(db, seed.Predicates, ct);
            changes.AddRange(seed.Predicates.Select(p => ("predicates", p.Id)));
            touched.AddRange(seed.Predicates.Select(p => p.Id));

            // Each entity after those it references; their aliases, links and evidence after every entity (links point anywhere).
            var children = seed.Entities.Select(e => (Entity: e, e.Aliases, e.Links, e.Evidence)).ToList();
            foreach (var entity in seed.Entities)
            {
                entity.Links = [.. entity.Links.OrderBy(l => l.Role, StringComparer.Ordinal).ThenBy(l => l.Position)];
                (entity.Aliases, entity.Evidence) = ([], []);
            }

            var links = children.ToDictionary(c => c.Entity.Id, c => c.Entity.Links, StringComparer.Ordinal);
            foreach (var entity in seed.Entities)
            {
                entity.Links = [];
            }

            await SaveAsync(db, SeedWriter.ReferencesFirst([.. seed.Entities]), ct);
            await SaveAsync(db, children.SelectMany(c => c.Aliases.Cast<object>().Concat(links[c.Entity.Id]).Concat(Owned(c.Evidence, c.Entity.Id, null, null))), ct);
            changes.AddRange(seed.Entities.Select(e => (SeedWriter.Collections[e.Kind], e.Id)));
            touched.AddRange(seed.Entities.Select(e => e.Id));

            await SaveAsync(db, seed.Facts, ct);
            changes.AddRange(seed.Facts.Select(f => ("facts", f.Id)));
            touched.AddRange(seed.Facts.Select(f => f.Id));
            await SaveAsync(db, seed.Observations, ct);
            changes.AddRange(seed.Observations.Select(o => ("observations", o.Id)));
            touched.AddRange(seed.Observations.Select(o => o.Id));
            await SaveAsync(db, seed.Qualifiers, ct);
            await SaveAsync(db, seed.Claims, ct);
            changes.AddRange(seed.Claims.Select(c => ("claims", c.Id)));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }

        await db.Database.ExecuteSqlRawAsync(FillDerivedTablesSql, ct);
        await db.Database.ExecuteSqlRawAsync(UserTriggers("ENABLE"), ct);

        var added = seed.Sources.Count + seed.Predicates.Count + seed.Entities.Count + seed.Facts.Count + seed.Observations.Count
            + seed.Qualifiers.Count + seed.Claims.Count;
        var result = new SeedResult(added, 0, 0, dryRun);
        if (dryRun || result.Unchanged)
        {
            return result;
        }

        var at = DateTime.UtcNow;
        await SaveAsync(db, changes.Select(c => new Revision
        {
            Resource = c.Resource, ResourceId = c.Id, Operation = RevisionOperation.Create, Actor = RecordOrigin.Seed, At = at,
        }), ct);
        await search.RefreshAsync(db, touched, ct);
        await DataVersion.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Turns every table's own triggers on or off (not the foreign keys': those are PostgreSQL's internal triggers).</summary>
    private static string UserTriggers(string toggle) => $$"""
        DO $$
        DECLARE
            triggered text;
        BEGIN
            FOR triggered IN
                SELECT DISTINCT c.relname FROM pg_trigger AS t
                JOIN pg_class AS c ON c.oid = t.tgrelid JOIN pg_namespace AS n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY 1
            LOOP
                EXECUTE format('ALTER TABLE %I {{toggle}} TRIGGER USER', triggered);
            END LOOP;
        END
        $$
        """;

    /// <summary>
    /// Every table the triggers keep filled from the view named after its singular with "Rows" (EventRelations and
    /// EventRelationRows, Backlinks and BacklinkRows…), by the view's columns; a view may give a row twice, which the table's key
    /// keeps once.
    /// </summary>
    private const string FillDerivedTablesSql = """
        DO $$
        DECLARE
            derived record;
        BEGIN
            FOR derived IN
                SELECT t.table_name AS "Table", v.table_name AS "View",
                    (SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ordinal_position)
                     FROM information_schema.columns AS c WHERE c.table_schema = v.table_schema AND c.table_name = v.table_name) AS "Columns"
                FROM information_schema.views AS v
                JOIN information_schema.tables AS t ON t.table_schema = v.table_schema AND t.table_type = 'BASE TABLE'
                    AND v.table_name = left(t.table_name, -1) || 'Rows'
                WHERE v.table_schema = current_schema()
                ORDER BY 1
            LOOP
                EXECUTE format('DELETE FROM %I', derived."Table");
                EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I ON CONFLICT DO NOTHING',
                    derived."Table", derived."Columns", derived."Columns", derived."View");
            END LOOP;
        END
        $$
        """;

    private static IEnumerable<Evidence> Owned(List<Evidence> evidence, string? entity, string? fact, string? observation) =>
        evidence.Select(v =>
        {
            (v.EntityId, v.FactId, v.ObservationId) = (entity, fact, observation);
            return v;
        });

    /// <summary>Adds the rows in order and saves them in chunks, then lets the change tracker forget them.</summary>
    private static async Task SaveAsync(Q7x2Db db, IEnumerable<object> rows, CancellationToken ct)
    {
        var pending = 0;
        foreach (var row in rows)
        {
            db.Add(row);
            if (++pending == Chunk)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();

        async Task FlushAsync()
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending = 0;
        }
    }
}
