using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// One writable resource: how to read its current record as a write body (<typeparamref name="TInput"/>), how to render it as
/// its GET does (<typeparamref name="TResponse"/>), and how to check, build, store, delete and protect it.
/// </summary>
internal abstract class CuratedStore<TInput, TResponse>
    where TInput : class
    where TResponse : class
{
    /// <summary>The collection as in the URL and in revisions: people, facts, sources…</summary>
    public abstract string Resource { get; }

    /// <summary>The record type in PascalCase, for operation ids: Person, BorderCrossing…</summary>
    public abstract string TypeName { get; }

    /// <summary>The record type in words, for messages: person, border crossing…</summary>
    public abstract string What { get; }

    public abstract string IdOf(TInput input);

    /// <summary>The value-typed members a body must send, which lenient reading would otherwise default.</summary>
    public abstract RequiredValues Required { get; }

    /// <summary>Lists a client left out (or patched to null) become empty, so that validation decides what they mean.</summary>
    public abstract TInput Normalize(TInput input);

    /// <summary>The shape rules (required fields, slugs, vocabularies, dates), as (property path, reason).</summary>
    public abstract Task<IEnumerable<(string Path, string Reason)>> ValidateAsync(TInput input, CancellationToken ct);

    public abstract Task<TInput?> LoadAsync(Q7x2Db db, string id, CancellationToken ct);

    public abstract Task<TResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct);

    /// <summary>
    /// The record's own representation, without what other records make of it (an entity's <c>embed=evidence</c>: its fields and
    /// its own quotes, all that a write replaces), when it differs from <see cref="DetailAsync"/> (null otherwise, also for a missing
    /// record): a write's <c>If-Match</c> may name either, so that a change to another record never makes it stale.
    /// </summary>
    public virtual Task<TResponse?> OwnDetailAsync(Q7x2Db db, string id, CancellationToken ct) => Task.FromResult<TResponse?>(null);

    /// <summary>What building the record needs from the database: the kinds of the ids it references and the texts it quotes.</summary>
    public abstract Task<DbSeedLookup> LookupAsync(Q7x2Db db, TInput input, CancellationToken ct);

    /// <summary>The database record for <paramref name="input"/>, references and quotes checked; errors go to <paramref name="error"/>.</summary>
    public abstract ICuratedRecord Build(ISeedLookup lookup, TInput input, Action<string, string> error);

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
    public virtual Task<(string Path, string Reason)?> ConflictAsync(Q7x2Db db, TInput? before, TInput after, CancellationToken ct) =>
        Task.FromResult<(string, string)?>(null);
}

/// <summary>
/// A resource whose write body maps to a seed shape: validated by the seed's validator and built by <see cref="SeedRecords"/>,
/// exactly as the seeding job does. The validator is built on the first write (its rules compile expressions, which would
/// otherwise hold up every start while the endpoints are mapped).
/// </summary>
internal abstract class SeedShapedStore<TInput, TSeed, TResponse>(Func<IValidator<TSeed>> newValidator) : CuratedStore<TInput, TResponse>
    where TInput : class, ICuratedInput<TInput, TSeed>
    where TSeed : class
    where TResponse : class
{
    private readonly Lazy<IValidator<TSeed>> _validator = new(newValidator);

    public override string IdOf(TInput input) => input.Id;

    public override RequiredValues Required => TInput.Required;

    public override TInput Normalize(TInput input) => TInput.FromSeed(input.ToSeed());

    public override async Task<IEnumerable<(string Path, string Reason)>> ValidateAsync(TInput input, CancellationToken ct) =>
        (await _validator.Value.ValidateAsync(input.ToSeed(), ct)).Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    public override Task<DbSeedLookup> LookupAsync(Q7x2Db db, TInput input, CancellationToken ct) =>
        DbSeedLookup.LoadAsync(db, input.References(), input.Evidence.Select(e => e?.Source), ct);
}

/// <summary>Lookups for <see cref="SeedRecords"/> from the database: entity kinds, predicates, and the texts of the cited sources.</summary>
internal sealed class DbSeedLookup(Dictionary<string, string> kinds, HashSet<string> predicates, Dictionary<string, string> texts) : ISeedLookup
{
    private readonly Dictionary<string, string> _kinds = kinds;
    private readonly HashSet<string> _predicates = predicates;
    private readonly Dictionary<string, string> _texts = texts;

    public static DbSeedLookup Empty => new([], [], []);

    public string? KindOf(string id) => _kinds.GetValueOrDefault(id);

    public bool HasPredicate(string id) => _predicates.Contains(id);

    public string? TextOf(string sourceId) => _texts.GetValueOrDefault(sourceId);

    /// <summary>Whether a record built against <paramref name="other"/> is built the same against this lookup.</summary>
    public bool SameAs(DbSeedLookup other) =>
        _kinds.Count == other._kinds.Count && _kinds.All(k => other._kinds.GetValueOrDefault(k.Key) == k.Value)
        && _predicates.SetEquals(other._predicates)
        && _texts.Count == other._texts.Count && _texts.All(t => string.Equals(other._texts.GetValueOrDefault(t.Key), t.Value, StringComparison.Ordinal));

    public static async Task<DbSeedLookup> LoadAsync(Q7x2Db db, IEnumerable<string?> references, IEnumerable<string?> quoted, CancellationToken ct)
    {
        var ids = references.OfType<string>().Distinct().ToList();
        var sources = quoted.OfType<string>().Distinct().ToList();
        var kinds = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Kind, StringComparer.Ordinal, ct);
        var predicates = (await db.Predicates.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var texts = await TextsAsync(db, sources, ct);
        return new DbSeedLookup(kinds, predicates, texts);
    }

    public static async Task<Dictionary<string, string>> TextsAsync(Q7x2Db db, IReadOnlyCollection<string> sourceIds, CancellationToken ct) =>
        await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Text, StringComparer.Ordinal, ct);
}
