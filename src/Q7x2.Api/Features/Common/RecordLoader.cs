using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Common;

/// <summary>Batch loads of what responses embed: one query per kind of thing, whatever the page size.</summary>
internal static class RecordLoader
{
    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<EntityRef>>> RefsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new EntityRef(e.Id, e.Kind, e.Name))));

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOfFacts = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.Evidence.AsNoTracking().Where(v => v.FactId != null && ids.Contains(v.FactId)).OrderBy(v => v.Position).AsQueryable()));

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOfObservations = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) =>
            db.Evidence.AsNoTracking().Where(v => v.ObservationId != null && ids.Contains(v.ObservationId)).OrderBy(v => v.Position).AsQueryable()));

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<PredicateRef>>> PredicatesOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.Predicates.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new PredicateRef(p.Id, p.Label, p.InverseLabel))));

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Fact>>> FactById = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Facts.AsNoTracking().Where(f => f.Id == id)));

    /// <summary>The fact with this id, as a list of zero or one row: one compiled query.</summary>
    public static Task<List<Fact>> FactByIdAsync(Q7x2Db db, string id, CancellationToken ct) => FactById.For(db)(db, id).ToListAsync(ct).AsTask();

    public static async Task<Dictionary<string, EntityRef>> RefsAsync(Q7x2Db db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var refs = new Dictionary<string, EntityRef>(wanted.Count);
        await foreach (var r in RefsOf.For(db)(db, wanted).WithCancellation(ct))
        {
            refs.Add(r.Id, r);
        }

        return refs;
    }

    /// <summary>The evidence of facts, by fact id, in position order: one query.</summary>
    public static Task<ILookup<string, EvidenceResponse>> FactEvidenceAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        EvidenceAsync(EvidenceOfFacts, db, ids, v => v.FactId!, ct);

    /// <summary>The evidence of observations, by observation id, in position order: one query.</summary>
    public static Task<ILookup<string, EvidenceResponse>> ObservationEvidenceAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        EvidenceAsync(EvidenceOfObservations, db, ids, v => v.ObservationId!, ct);

    private static async Task<ILookup<string, EvidenceResponse>> EvidenceAsync(
        CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> query, Q7x2Db db, IReadOnlyCollection<string> ids, Func<Evidence, string> owner,
        CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<Evidence>().ToLookup(owner, ToResponse);
        }

        var rows = await query.For(db)(db, [.. ids]).ToListAsync(ct);
        return rows.ToLookup(owner, ToResponse);
    }

    public static EvidenceResponse ToResponse(Evidence v) => new(v.SourceId, v.Start, v.End, v.Exact, v.Prefix, v.Suffix);

    /// <summary>Facts with their predicate, references and evidence resolved in three more queries.</summary>
    public static async Task<List<FactResponse>> FactsAsync(Q7x2Db db, List<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.Id).ToList();
        var evidence = await FactEvidenceAsync(db, ids, ct);
        var predicates = await PredicatesAsync(db, facts, ct);
        var refs = await RefsAsync(db, facts.SelectMany(References), ct);
        return [.. facts.Select(f => ToResponse(f, predicates[f.PredicateId], refs, evidence))];
    }

    /// <summary>The predicates of facts, by id: one query.</summary>
    public static async Task<Dictionary<string, PredicateRef>> PredicatesAsync(Q7x2Db db, IReadOnlyCollection<Fact> facts, CancellationToken ct) =>
        facts.Count == 0
            ? []
            : (await PredicatesOf.For(db)(db, [.. facts.Select(f => f.PredicateId).Distinct()]).ToListAsync(ct)).ToDictionary(p => p.Id);

    /// <summary>The entities a fact points at.</summary>
    public static IEnumerable<string?> References(Fact f) => [f.SubjectId, f.ObjectId, f.AttributionId];

    public static FactResponse ToResponse(
        Fact f, PredicateRef predicate, IReadOnlyDictionary<string, EntityRef> refs, ILookup<string, EvidenceResponse> evidence) =>
        new(f.Id, refs[f.SubjectId], predicate, f.ObjectId is null ? null : refs[f.ObjectId], f.Value, FuzzyDateResponse.Of(f.Date), f.Modality,
            f.AttributionId is null ? null : refs[f.AttributionId], f.Note, [.. evidence[f.Id]]);

    /// <summary>A fact as read from one of its entities: its label when the entity is the subject, its inverse label when the object.</summary>
    public static EntityFactResponse AsSeenFrom(string entityId, FactResponse f) => f.Subject.Id == entityId
        ? new EntityFactResponse("subject", f.Predicate.Label, f)
        : new EntityFactResponse("object", f.Predicate.InverseLabel ?? $"object of '{f.Predicate.Label}'", f);
}
