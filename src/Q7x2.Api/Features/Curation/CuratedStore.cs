using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// One writable resource: how to read its current record in the curated seed shape (<typeparamref name="TSeed"/>),
/// how to render it as its GET does (<typeparamref name="TResponse"/>), and how to store, delete and protect it.
/// </summary>
internal abstract class CuratedStore<TSeed, TResponse>
    where TSeed : class
    where TResponse : class
{
    /// <summary>The collection as in the URL and in revisions: people, facts, sources…</summary>
    public abstract string Resource { get; }

    /// <summary>The record type in PascalCase, for operation ids: Person, BorderCrossing…</summary>
    public abstract string TypeName { get; }

    /// <summary>The record type in words, for messages: person, border crossing…</summary>
    public abstract string What { get; }

    public abstract IValidator<TSeed> Validator { get; }

    public abstract string IdOf(TSeed seed);

    /// <summary>Lists a client left out (or patched to null) become empty, so that validation decides what they mean.</summary>
    public abstract TSeed Normalize(TSeed seed);

    public abstract Task<TSeed?> LoadAsync(Q7x2Db db, string id, CancellationToken ct);

    public abstract Task<TResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct);

    /// <summary>The database record for <paramref name="seed"/>, references and quotes checked; errors go to <paramref name="error"/>.</summary>
    public abstract Task<object> BuildAsync(Q7x2Db db, TSeed seed, Action<string, string> error, CancellationToken ct);

    /// <summary>Deletes the record's row; its own child rows (aliases, evidence…) go with it.</summary>
    public abstract Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct);

    /// <summary>The records that still point at this one (as <c>resource/id</c>): a delete with any is refused.</summary>
    public abstract Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct);

    /// <summary>Whether the id is taken; entities, facts, observations and predicates share one id space.</summary>
    public virtual async Task<bool> IdTakenAsync(Q7x2Db db, string id, CancellationToken ct) =>
        await db.Entities.AnyAsync(e => e.Id == id, ct) || await db.Facts.AnyAsync(f => f.Id == id, ct)
        || await db.Observations.AnyAsync(o => o.Id == id, ct) || await db.Predicates.AnyAsync(p => p.Id == id, ct);

    /// <summary>Search rows to refresh after a write of this id.</summary>
    public virtual IReadOnlyCollection<string> SearchIds(string id) => [id];

    /// <summary>Checks that are not about shape or references, e.g. a cited source's text may not change; (path, reason).</summary>
    public virtual Task<(string Path, string Reason)?> ConflictAsync(Q7x2Db db, TSeed? before, TSeed after, CancellationToken ct) =>
        Task.FromResult<(string, string)?>(null);
}

/// <summary>Lookups for <see cref="SeedRecords"/> from the database: entity kinds, predicates, and the texts of the cited sources.</summary>
internal sealed class DbSeedLookup(Dictionary<string, string> kinds, HashSet<string> predicates, Dictionary<string, string> texts) : ISeedLookup
{
    public string? KindOf(string id) => kinds.GetValueOrDefault(id);

    public bool HasPredicate(string id) => predicates.Contains(id);

    public string? TextOf(string sourceId) => texts.GetValueOrDefault(sourceId);

    public static async Task<DbSeedLookup> LoadAsync(Q7x2Db db, IEnumerable<string?> references, IEnumerable<SeedEvidence?> evidence, CancellationToken ct)
    {
        var ids = references.OfType<string>().Distinct().ToList();
        var sources = evidence.Select(e => e?.Source).OfType<string>().Distinct().ToList();
        var kinds = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Kind, StringComparer.Ordinal, ct);
        var predicates = (await db.Predicates.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var texts = await TextsAsync(db, sources, ct);
        return new DbSeedLookup(kinds, predicates, texts);
    }

    public static async Task<Dictionary<string, string>> TextsAsync(Q7x2Db db, IReadOnlyCollection<string> sourceIds, CancellationToken ct) =>
        await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Text, StringComparer.Ordinal, ct);
}
