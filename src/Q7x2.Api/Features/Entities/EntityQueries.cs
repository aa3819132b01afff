using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

/// <summary>What a mapping from an entity row to its response needs: the references it embeds.</summary>
internal sealed class EntityContext(Dictionary<string, EntityRef> refs)
{
    public EntityRef? Ref(string? id) => id is null ? null : refs[id];

    public IReadOnlyList<EntityRef> Links(Entity e, string role) =>
        [.. e.Links.Where(l => l.Role == role).OrderBy(l => l.Position).Select(l => refs[l.TargetId])];

    /// <summary>The fields every kind shares.</summary>
    public static T Base<T>(Entity e)
        where T : EntityResponse, new() => new()
        {
            Id = e.Id, Kind = e.Kind, Name = e.Name, Description = e.Description,
            Aliases = [.. e.Aliases.OrderBy(a => a.Position).Select(a => new AliasResponse(a.Name, a.Type))],
        };
}

/// <summary>Listing and fetching entities of one kind with a bounded number of queries, whatever the page size.</summary>
internal static class EntityQueries
{
    public static readonly SortOptions<Entity> ByName = new("name",
        SortField<Entity>.Text("name", e => e.Name, e => e.Id),
        SortField<Entity>.Text("id", e => e.Id, e => e.Id));

    public static readonly SortOptions<Entity> ByDate = new("date",
        SortField<Entity>.Date("date", e => e.DateKey, e => e.Id),
        SortField<Entity>.Text("name", e => e.Name, e => e.Id),
        SortField<Entity>.Text("id", e => e.Id, e => e.Id));

    public static IQueryable<Entity> OfKind(this Q7x2Db db, string kind) =>
        db.Entities.AsNoTracking().Where(e => e.Kind == kind);

    /// <summary>Entities whose fuzzy date interval overlaps [from, to]; undated ones never match a range.</summary>
    public static IQueryable<Entity> Overlapping(this IQueryable<Entity> query, DateOnly? from, DateOnly? to) =>
        DateRanges.Overlapping(query, e => e.Date, e => e.DateKey, from, to);

    public static async Task<Page<T>> PageAsync<T>(
        Q7x2Db db, IQueryable<Entity> query, SortOptions<Entity> sorts, string? sort, IPageQuery page, HttpContext http,
        Func<Entity, EntityContext, T> map, CancellationToken ct)
    {
        var rows = await query.PageAsync(sorts, sort, page, http, q => q.Include(e => e.Aliases).Include(e => e.Links).AsSplitQuery(), ct);
        var context = new EntityContext(await RecordLoader.RefsAsync(db, rows.Items.SelectMany(References), ct));
        return rows.Map(e => map(e, context));
    }

    private static readonly CompiledQuery<Func<Q7x2Db, string, CancellationToken, Task<Entity?>>> ById = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, CancellationToken ct) => db.Entities.AsNoTracking().FirstOrDefault(e => e.Id == id)));

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<EntityAlias>>> AliasesOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.EntityAliases.AsNoTracking().Where(a => a.EntityId == id)));

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<EntityLink>>> LinksOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.EntityLinks.AsNoTracking().Where(l => l.EntityId == id)));

    // By subject, then by object (UNION ALL): SQLite merges both index reads in id order instead of sorting the OR's facts.
    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Fact>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Facts.AsNoTracking().Where(f => f.SubjectId == id)
            .Concat(db.Facts.AsNoTracking().Where(f => f.ObjectId == id && f.SubjectId != id))
            .OrderBy(f => f.Id).AsQueryable()));

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Evidence>>> EvidenceOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Evidence.AsNoTracking().Where(v => v.EntityId == id).OrderBy(v => v.Position).AsQueryable()));

    /// <summary>
    /// One entity of a kind (any kind when <paramref name="kind"/> is null) with its facts (either side) and evidence, or null:
    /// compiled queries for the entity, its aliases, its links, its facts, their predicates, every entity they name, the evidence
    /// of the entity and that of its facts (each a lookup by an indexed column, read in the index's order).
    /// </summary>
    public static async Task<T?> DetailAsync<T>(Q7x2Db db, string? kind, string id, Func<Entity, EntityContext, T> map, CancellationToken ct)
        where T : EntityResponse
    {
        var entity = await ById.For(db)(db, id, ct);
        if (entity is null || (kind is not null && entity.Kind != kind))
        {
            return null;
        }

        entity.Aliases = await AliasesOf.For(db)(db, id).ToListAsync(ct);
        entity.Links = await LinksOf.For(db)(db, id).ToListAsync(ct);
        var facts = await FactsOf.For(db)(db, id).ToListAsync(ct);
        var predicates = await RecordLoader.PredicatesAsync(db, facts, ct);
        var refs = await RecordLoader.RefsAsync(db, References(entity).Concat(facts.SelectMany(RecordLoader.References)), ct);
        var evidence = await EvidenceOf.For(db)(db, id).ToListAsync(ct);
        var factEvidence = await RecordLoader.FactEvidenceAsync(db, [.. facts.Select(f => f.Id)], ct);
        return map(entity, new EntityContext(refs)) with
        {
            Facts = [.. facts.Select(f => RecordLoader.AsSeenFrom(id, RecordLoader.ToResponse(f, predicates[f.PredicateId], refs, factEvidence)))],
            Evidence = [.. evidence.Select(RecordLoader.ToResponse)],
        };
    }

    private static IEnumerable<string?> References(Entity e) =>
        new[] { e.CountryId, e.PartOfId, e.PlaceId, e.EventId }.Concat(e.Links.Select(l => l.TargetId));
}
