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

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOfEntities = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.Evidence.AsNoTracking().Where(v => v.EntityId != null && ids.Contains(v.EntityId)).OrderBy(v => v.Position).AsQueryable()));

    // The entities and the predicates facts name, in one UNION ALL: a predicate's label and inverse label in Name and Inverse.
    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, List<string>, IAsyncEnumerable<NameRow>>> NamesOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> entities, List<string> predicates) => db.Entities.AsNoTracking().Where(e => entities.Contains(e.Id))
            .Select(e => new NameRow { IsPredicate = false, Id = e.Id, Kind = e.Kind, Name = e.Name, Inverse = null })
            .Concat(db.Predicates.AsNoTracking().Where(p => predicates.Contains(p.Id))
                .Select(p => new NameRow { IsPredicate = true, Id = p.Id, Kind = null, Name = p.Label, Inverse = p.InverseLabel }))));

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

    /// <summary>The evidence of entities themselves, by entity id, in position order: one query.</summary>
    public static Task<ILookup<string, EvidenceResponse>> EntityEvidenceAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        EvidenceAsync(EvidenceOfEntities, db, ids, v => v.EntityId!, ct);

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

    /// <summary>Facts with their predicate, references and evidence resolved in two more queries.</summary>
    public static async Task<List<FactResponse>> FactsAsync(Q7x2Db db, List<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.Id).ToList();
        var evidence = await FactEvidenceAsync(db, ids, ct);
        var (refs, predicates) = await NamesAsync(db, facts.SelectMany(References), facts, ct);
        return [.. facts.Select(f => ToResponse(f, predicates[f.PredicateId], refs, evidence))];
    }

    /// <summary>The entities with these ids and the predicates of these facts, by id: one query.</summary>
    public static async Task<(Dictionary<string, EntityRef> Refs, Dictionary<string, PredicateRef> Predicates)> NamesAsync(
        Q7x2Db db, IEnumerable<string?> entityIds, IReadOnlyCollection<Fact> facts, CancellationToken ct)
    {
        var entities = entityIds.OfType<string>().Distinct().ToList();
        var predicates = facts.Select(f => f.PredicateId).Distinct().ToList();
        var refs = new Dictionary<string, EntityRef>(entities.Count);
        var labels = new Dictionary<string, PredicateRef>(predicates.Count);
        if (entities.Count + predicates.Count == 0)
        {
            return (refs, labels);
        }

        await foreach (var row in NamesOf.For(db)(db, entities, predicates).WithCancellation(ct))
        {
            if (row.IsPredicate)
            {
                labels.Add(row.Id, new PredicateRef(row.Id, row.Name, row.Inverse));
            }
            else
            {
                refs.Add(row.Id, new EntityRef(row.Id, row.Kind!, row.Name));
            }
        }

        return (refs, labels);
    }

    /// <summary>A row of <see cref="NamesOf"/>: an entity's reference or a predicate's labels.</summary>
    private sealed class NameRow
    {
        public bool IsPredicate { get; init; }

        public required string Id { get; init; }

        public string? Kind { get; init; }

        public required string Name { get; init; }

        public string? Inverse { get; init; }
    }

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
