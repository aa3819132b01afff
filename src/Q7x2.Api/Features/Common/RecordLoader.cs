using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Common;

/// <summary>Batch loads of what responses embed: one query per kind of thing, whatever the page size.</summary>
internal static class RecordLoader
{
    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOfObservations = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) =>
            db.Evidence.AsNoTracking().Where(v => v.ObservationId != null && ids.Contains(v.ObservationId)).OrderBy(v => v.Position).AsQueryable()));

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOfEntities = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.Evidence.AsNoTracking().Where(v => v.EntityId != null && ids.Contains(v.EntityId)).OrderBy(v => v.Position).AsQueryable()));

    // The entities and the predicates that facts and entities name, in one UNION ALL: a predicate's label and inverse label in Name
    // and Inverse. Each list (distinct ids) is joined, not tested with IN: SQLite builds an IN list in a temporary b-tree per execution.
    private static readonly EngineSql NamesOf = EngineSql.Of(sql => $"""
        SELECT 0 AS "IsPredicate", e."Id", e."Kind", e."Name", NULL AS "Inverse"
        FROM {sql.Each("@entities", "j")} {sql.OrderedJoin} "Entities" AS e ON e."Id" = j.value
        UNION ALL
        SELECT 1, p."Id", NULL, p."Label", p."InverseLabel"
        FROM {sql.Each("@predicates", "q")} {sql.OrderedJoin} "Predicates" AS p ON p."Id" = q.value
        """);

    // Then the evidence of an entity (none when @entity is null) and of facts, in position order: two indexed lookups.
    private static readonly EngineSql NamesAndEvidenceOf = EngineSql.Of(sql => $"""
        {NamesOf.For(sql)};
        SELECT {RecordRows.EvidenceColumns} FROM "Evidence" AS v WHERE v."EntityId" = @entity
        UNION ALL
        SELECT {RecordRows.EvidenceColumns} FROM {sql.Each("@facts", "j")} {sql.OrderedJoin} "Evidence" AS v ON v."FactId" = j.value
        ORDER BY "Position"
        """);

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Fact>>> FactById = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Facts.AsNoTracking().Where(f => f.Id == id)));

    /// <summary>The fact with this id, as a list of zero or one row: one compiled query.</summary>
    public static Task<List<Fact>> FactByIdAsync(Q7x2Db db, string id, CancellationToken ct) => FactById.For(db)(db, id).ToListAsync(ct).AsTask();

    /// <summary>The entities with these ids, by id: <see cref="NamesAsync"/>'s read without facts (one command, none for no ids).</summary>
    public static async Task<Dictionary<string, EntityRef>> RefsAsync(Q7x2Db db, IEnumerable<string?> ids, CancellationToken ct) =>
        (await NamesAsync(db, ids, [], ct)).Refs;

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

    /// <summary>Facts with their predicate, references and evidence resolved in one more command.</summary>
    public static async Task<List<FactResponse>> FactsAsync(Q7x2Db db, List<Fact> facts, CancellationToken ct)
    {
        if (facts.Count == 0)
        {
            return [];
        }

        var names = await NamesAsync(db, facts.SelectMany(References), facts, ct, withEvidence: true);
        var evidence = names.Evidence.ToLookup(v => v.FactId!, ToResponse);
        return [.. facts.Select(f => ToResponse(f, names.Predicates[f.PredicateId], names.Refs, evidence))];
    }

    /// <summary>
    /// The entities with these ids and the predicates of these facts, by id; <paramref name="withEvidence"/>, also the evidence of
    /// the facts and of the entity <paramref name="evidenceOf"/>, in position order: one command (none when there is nothing to ask).
    /// </summary>
    public static async Task<RecordNames> NamesAsync(
        Q7x2Db db, IEnumerable<string?> entityIds, IReadOnlyCollection<Fact> facts, CancellationToken ct, bool withEvidence = false,
        string? evidenceOf = null)
    {
        var entities = entityIds.OfType<string>().Distinct().ToList();
        var predicates = facts.Select(f => f.PredicateId).Distinct().ToList();
        var refs = new Dictionary<string, EntityRef>(entities.Count);
        var labels = new Dictionary<string, PredicateRef>(predicates.Count);
        if (entities.Count + predicates.Count == 0 && !withEvidence)
        {
            return new(refs, labels, []);
        }

        List<DbParameter> parameters = [RawSql.List(db, "@entities", entities), RawSql.List(db, "@predicates", predicates)];
        if (withEvidence)
        {
            parameters.Add(RawSql.Parameter(db, "@entity", evidenceOf, DbType.String));
            parameters.Add(RawSql.List(db, "@facts", facts.Select(f => f.Id)));
        }

        return await RawSql.ReadSetsAsync(db, (withEvidence ? NamesAndEvidenceOf : NamesOf).For(db), parameters, async sets =>
        {
            foreach (var (isPredicate, id, kind, name, inverse) in await sets.NextAsync(NameRow))
            {
                if (isPredicate)
                {
                    labels.Add(id, new PredicateRef(id, name, inverse));
                }
                else
                {
                    refs.Add(id, new EntityRef(id, kind!, name));
                }
            }

            return new RecordNames(refs, labels, withEvidence ? await sets.NextAsync(RecordRows.Evidence) : []);
        }, ct);
    }

    /// <summary>A row of <see cref="NamesOf"/>: an entity's reference or a predicate's labels.</summary>
    private static (bool IsPredicate, string Id, string? Kind, string Name, string? Inverse) NameRow(DbDataReader r) =>
        (r.GetInt32(0) == 1, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));

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

/// <summary>What <see cref="RecordLoader.NamesAsync"/> reads: entity references and predicates by id, and evidence rows in position order.</summary>
internal sealed record RecordNames(Dictionary<string, EntityRef> Refs, Dictionary<string, PredicateRef> Predicates, List<Evidence> Evidence);
