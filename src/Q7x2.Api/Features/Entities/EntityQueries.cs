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
        SortField<Entity>.Date("date", e => e.Date != null ? e.Date.From : DateOnly.MaxValue, e => e.Id),
        SortField<Entity>.Text("name", e => e.Name, e => e.Id),
        SortField<Entity>.Text("id", e => e.Id, e => e.Id));

    public static IQueryable<Entity> OfKind(this Q7x2Db db, string kind) =>
        db.Entities.AsNoTracking().Where(e => e.Kind == kind);

    /// <summary>Entities whose fuzzy date interval overlaps [from, to]; undated ones never match a range.</summary>
    public static IQueryable<Entity> Overlapping(this IQueryable<Entity> query, DateOnly? from, DateOnly? to) =>
        DateRanges.Overlapping(query, e => e.Date, from, to);

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

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<FactRow>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Facts.AsNoTracking().Where(f => f.SubjectId == id || f.ObjectId == id)
            .Join(db.Predicates, f => f.PredicateId, p => p.Id, (f, p) => new { f, p })
            .OrderBy(x => x.f.Id)
            .Select(x => new FactRow(x.f, new PredicateRef(x.p.Id, x.p.Label, x.p.InverseLabel)))));

    private static readonly CompiledQuery<Func<Q7x2Db, string, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, List<string> factIds) => db.Evidence.AsNoTracking()
            .Where(v => v.EntityId == id || (v.FactId != null && factIds.Contains(v.FactId)))
            .OrderBy(v => v.Position).AsQueryable()));

    /// <summary>
    /// One entity of a kind (any kind when <paramref name="kind"/> is null) with its facts (either side) and evidence, or null:
    /// compiled queries for the entity, its aliases, its links, its facts with their predicates, every entity they name, and the
    /// evidence of the entity and of its facts (each a lookup by an indexed column).
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
        var refs = await RecordLoader.RefsAsync(db, References(entity).Concat(facts.SelectMany(x => RecordLoader.References(x.Fact))), ct);
        var evidence = await EvidenceOf.For(db)(db, id, [.. facts.Select(x => x.Fact.Id)]).ToListAsync(ct);
        var factEvidence = evidence.Where(v => v.FactId != null).ToLookup(v => v.FactId!, RecordLoader.ToResponse);
        return map(entity, new EntityContext(refs)) with
        {
            Facts = [.. facts.Select(x => RecordLoader.AsSeenFrom(id, RecordLoader.ToResponse(x.Fact, x.Predicate, refs, factEvidence)))],
            Evidence = [.. evidence.Where(v => v.EntityId == id).Select(RecordLoader.ToResponse)],
        };
    }

    private sealed record FactRow(Fact Fact, PredicateRef Predicate);

    private static IEnumerable<string?> References(Entity e) =>
        new[] { e.CountryId, e.PartOfId, e.PlaceId, e.EventId }.Concat(e.Links.Select(l => l.TargetId));
}
