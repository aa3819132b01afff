using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Common;

/// <summary>Batch loads of what responses embed: one query per kind of thing, whatever the page size.</summary>
internal static class RecordLoader
{
    public static async Task<Dictionary<string, EntityRef>> RefsAsync(Q7x2Db db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        return await db.Entities.AsNoTracking().Where(e => wanted.Contains(e.Id))
            .Select(e => new EntityRef(e.Id, e.Kind, e.Name))
            .ToDictionaryAsync(r => r.Id, ct);
    }

    public static async Task<ILookup<string, EvidenceResponse>> EvidenceAsync(
        Q7x2Db db, Expression<Func<Evidence, string?>> owner, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<(string, EvidenceResponse)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var ownerOf = owner.Compile();
        var rows = await db.Evidence.AsNoTracking()
            .Where(Contains(owner, ids))
            .OrderBy(v => v.Position)
            .ToListAsync(ct);
        return rows.ToLookup(v => ownerOf(v)!, ToResponse);
    }

    public static EvidenceResponse ToResponse(Evidence v) => new(v.SourceId, v.Start, v.End, v.Exact, v.Prefix, v.Suffix);

    /// <summary>Facts with their predicate, references and evidence resolved in three more queries.</summary>
    public static async Task<List<FactResponse>> FactsAsync(Q7x2Db db, List<Fact> facts, CancellationToken ct)
    {
        var ids = facts.Select(f => f.Id).ToList();
        var evidence = await EvidenceAsync(db, v => v.FactId, ids, ct);
        var predicateIds = facts.Select(f => f.PredicateId).Distinct().ToList();
        var predicates = await db.Predicates.AsNoTracking().Where(p => predicateIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PredicateRef(p.Id, p.Label, p.InverseLabel), ct);
        var refs = await RefsAsync(db, facts.SelectMany(References), ct);
        return [.. facts.Select(f => ToResponse(f, predicates[f.PredicateId], refs, evidence))];
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

    private static Expression<Func<Evidence, bool>> Contains(Expression<Func<Evidence, string?>> owner, IReadOnlyCollection<string> ids)
    {
        var body = Expression.Call(QueryParameters.Of(ids.ToList()), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, owner.Body);
        return Expression.Lambda<Func<Evidence, bool>>(body, owner.Parameters);
    }
}
