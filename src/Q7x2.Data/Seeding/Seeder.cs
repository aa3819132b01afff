using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Data.Seeding;

/// <summary>
/// Brings the database to the state a <see cref="SeedSet"/> describes, in one transaction: records
/// missing from the database are added, records that differ are replaced, records the seed no longer
/// has are removed. A second run with the same seed changes nothing. The search index follows in the
/// same transaction. Curator-owned records — every id written or deleted through the API, i.e. with a revision —
/// are never changed, removed or re-added: a seed record whose id a curator owns is left as the curator's (a
/// record a curator deleted stays deleted). They are counted as kept. A seed record whose id a curator created is an error.
/// The run holds the database's write lock from before it reads ownership until it commits.
/// </summary>
public sealed class Seeder(Q7x2Db db, ISearchIndex search)
{
    private static readonly JsonSerializerOptions Fingerprints = new() { WriteIndented = false };

    /// <summary>Called once the seed run has planned its changes, before it writes them (a test pauses the run here).</summary>
    public Func<CancellationToken, Task>? Planned { get; init; }

    public async Task<SeedResult> ApplyAsync(SeedSet seed, bool dryRun, CancellationToken ct)
    {
        // The write lock first: ownership is read, and the plan made, from the state the commit replaces.
        await using var transaction = await db.BeginWriteAsync(ct);
        var existing = await LoadAsync(ct);
        var firstIds = db.Revisions.GroupBy(r => new { r.Resource, r.ResourceId }).Select(g => g.Min(r => r.Id));
        var revised = await db.Revisions.AsNoTracking().Where(r => firstIds.Contains(r.Id))
            .Select(r => new { r.Resource, r.ResourceId, First = r.Operation }).ToListAsync(ct);
        RefuseCollisions(seed, revised.Where(r => r.First == RevisionOperation.Create).Select(r => (r.Resource, r.ResourceId)));
        var curated = existing.Sources.Where(s => s.Origin == RecordOrigin.Curator).Select(s => s.Id)
            .Concat(existing.Entities.Where(e => e.Origin == RecordOrigin.Curator).Select(e => e.Id))
            .Concat(existing.Facts.Where(f => f.Origin == RecordOrigin.Curator).Select(f => f.Id))
            .Concat(existing.Observations.Where(o => o.Origin == RecordOrigin.Curator).Select(o => o.Id))
            .Concat(revised.Select(r => r.ResourceId))
            .ToHashSet(StringComparer.Ordinal);
        List<T> SeedOwned<T>(IEnumerable<T> records, Func<T, string> key) => [.. records.Where(r => !curated.Contains(key(r)))];
        var plans = new[]
        {
            Plan(SeedOwned(seed.Sources, s => s.Id), SeedOwned(existing.Sources, s => s.Id), s => s.Id),
            Plan(seed.Predicates, existing.Predicates, p => p.Id),
            Plan(SeedOwned(seed.Entities, e => e.Id), SeedOwned(existing.Entities, e => e.Id), e => e.Id),
            Plan(SeedOwned(seed.Facts, f => f.Id), SeedOwned(existing.Facts, f => f.Id), f => f.Id),
            Plan(SeedOwned(seed.Observations, o => o.Id), SeedOwned(existing.Observations, o => o.Id), o => o.Id),
        };
        var result = new SeedResult(plans.Sum(p => p.Added.Count), plans.Sum(p => p.Changed.Count), plans.Sum(p => p.Removed), dryRun)
        {
            Kept = curated.Count,
        };
        if (Planned is not null)
        {
            await Planned(ct);
        }

        if (dryRun || result.Unchanged)
        {
            return result;
        }

        // Replaced and removed records point at each other; their references are checked at commit.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
        await DeleteAsync(db.Observations, plans[4], ct);
        await DeleteAsync(db.Facts, plans[3], ct);
        await DeleteAsync(db.Entities, plans[2], ct);
        await DeleteAsync(db.Predicates, plans[1], ct);
        await DeleteAsync(db.Sources, plans[0], ct);

        db.ChangeTracker.Clear();
        foreach (var plan in plans)
        {
            db.AddRange(plan.Added.Concat(plan.Changed));
        }

        await db.SaveChangesAsync(ct);

        // Only the rows of touched records (and of the facts and observations that show them) are
        // re-indexed, before the commit: no reader ever sees the data and its index disagree.
        await search.RefreshAsync(db, [.. plans[1..].SelectMany(p => p.Touched)], ct);
        await DataVersion.BumpAsync(db, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>
    /// A seed record whose id was first created through the API is two different records under one id: the seed cannot
    /// adopt the curator's record nor overwrite it, so the run stops, naming each id and where the seed has it.
    /// </summary>
    private static void RefuseCollisions(SeedSet seed, IEnumerable<(string Resource, string Id)> created)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (resource, id) in created)
        {
            if (resource == "sources")
            {
                sources.Add(id);
            }
            else
            {
                records.TryAdd(id, resource);
            }
        }

        var errors = new List<SeedError>();
        void Check(string id, string file, string path, bool isSource)
        {
            if (isSource ? sources.Contains(id) : records.ContainsKey(id))
            {
                errors.Add(new SeedError(file, $"{path}.id",
                    $"'{id}' was created through the API (POST /v1/{(isSource ? "sources" : records[id])}); the seed cannot add a record with the same id: rename one of them"));
            }
        }

        for (var i = 0; i < seed.Sources.Count; i++)
        {
            Check(seed.Sources[i].Id, SeedFiles.SourcesFile, $"$.sources[{i}]", isSource: true);
        }

        for (var i = 0; i < seed.Predicates.Count; i++)
        {
            Check(seed.Predicates[i].Id, SeedFiles.PredicatesFile, $"$.predicates[{i}]", isSource: false);
        }

        foreach (var kind in seed.Entities.GroupBy(e => e.Kind))
        {
            var (file, root) = SeedFiles.EntityFiles[kind.Key];
            var n = 0;
            foreach (var entity in kind)
            {
                Check(entity.Id, file, $"$.{root}[{n++}]", isSource: false);
            }
        }

        for (var i = 0; i < seed.Facts.Count; i++)
        {
            Check(seed.Facts[i].Id, SeedFiles.FactsFile, $"$.facts[{i}]", isSource: false);
        }

        for (var i = 0; i < seed.Observations.Count; i++)
        {
            Check(seed.Observations[i].Id, SeedFiles.ObservationsFile, $"$.observations[{i}]", isSource: false);
        }

        if (errors.Count > 0)
        {
            throw new SeedValidationException(errors);
        }
    }

    private sealed record Existing(
        List<Source> Sources, List<Predicate> Predicates, List<Entity> Entities, List<Fact> Facts, List<Observation> Observations);

    private async Task<Existing> LoadAsync(CancellationToken ct)
    {
        var entities = await db.Entities.AsNoTracking().AsSplitQuery()
            .Include(e => e.Aliases).Include(e => e.Links).Include(e => e.Evidence).ToListAsync(ct);
        var facts = await db.Facts.AsNoTracking().Include(f => f.Evidence).ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking().AsSplitQuery()
            .Include(o => o.Subjects).Include(o => o.Evidence).ToListAsync(ct);

        // Child rows in the order the seed gives them, and without database-made ids, so that an
        // unchanged record fingerprints the same as its seed.
        foreach (var e in entities)
        {
            e.Aliases = [.. e.Aliases.OrderBy(a => a.Position)];
            e.Evidence = Normalize(e.Evidence);
        }

        facts.ForEach(f => f.Evidence = Normalize(f.Evidence));
        foreach (var o in observations)
        {
            o.Value = Quantity.Normalize(o.Value);
            o.Subjects = [.. o.Subjects.OrderBy(s => s.Position)];
            o.Evidence = Normalize(o.Evidence);
        }

        return new Existing(
            await db.Sources.AsNoTracking().ToListAsync(ct), await db.Predicates.AsNoTracking().ToListAsync(ct),
            entities, facts, observations);
    }

    private static List<Evidence> Normalize(List<Evidence> evidence)
    {
        evidence.ForEach(v => v.Id = 0);
        return [.. evidence.OrderBy(v => v.Position)];
    }

    private sealed record Diff(List<object> Added, List<object> Changed, List<string> Stale)
    {
        public int Removed { get; init; }

        /// <summary>The ids of every record added, changed or removed.</summary>
        public List<string> Touched { get; init; } = [];
    }

    /// <summary>What differs between the seed and the database for one record type.</summary>
    private static Diff Plan<T>(IReadOnlyList<T> desired, List<T> current, Func<T, string> key)
    {
        var byId = current.ToDictionary(key, StringComparer.Ordinal);
        var added = new List<object>();
        var changed = new List<object>();
        var stale = new List<string>();
        var addedIds = new List<string>();
        foreach (var record in desired)
        {
            if (!byId.Remove(key(record), out var old))
            {
                added.Add(record!);
                addedIds.Add(key(record));
            }
            else if (Fingerprint(old) != Fingerprint(record))
            {
                changed.Add(record!);
                stale.Add(key(record));
            }
        }

        return new Diff(added, changed, [.. stale, .. byId.Keys]) { Removed = byId.Count, Touched = [.. addedIds, .. stale, .. byId.Keys] };
    }

    private static string Fingerprint<T>(T record)
    {
        if (record is Entity e)
        {
            // Links come from several seed lists; compare them in one canonical order.
            e.Links = [.. e.Links.OrderBy(l => l.Role, StringComparer.Ordinal).ThenBy(l => l.Position)];
        }

        return JsonSerializer.Serialize(record, Fingerprints);
    }

    /// <summary>Deletes the records that are replaced or removed; their child rows go with them (cascade).</summary>
    private static async Task DeleteAsync<T>(DbSet<T> set, Diff diff, CancellationToken ct)
        where T : class
    {
        var ids = diff.Stale;
        if (ids.Count > 0)
        {
            await set.Where(r => ids.Contains(EF.Property<string>(r, "Id"))).ExecuteDeleteAsync(ct);
        }
    }
}
