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
        where T : EntityResponse
    {
        var rows = await query.PageAsync(sorts, sort, page, http, WithParts, ct);
        return await MapAsync(db, rows, map, ct, (page as IEntityListQuery)?.ListParts ?? Embed.None);
    }

    /// <summary>The entities of a page with their aliases and links, as a list's page reads them.</summary>
    public static IQueryable<Entity> WithParts(IQueryable<Entity> entities) => entities.Include(e => e.Aliases).Include(e => e.Links).AsSplitQuery();

    /// <summary>A page of entities as responses, with the names of the entities they reference.</summary>
    public static async Task<Page<T>> MapAsync<T>(
        Q7x2Db db, Page<Entity> rows, Func<Entity, EntityContext, T> map, CancellationToken ct, Embed embed = Embed.None)
        where T : EntityResponse
    {
        var context = new EntityContext(await RecordLoader.RefsAsync(db, rows.Items.SelectMany(References), ct));
        List<string> ids = [.. rows.Items.Select(e => e.Id)];
        var evidence = embed.HasFlag(Embed.Evidence) ? await RecordLoader.EntityEvidenceAsync(db, ids, ct) : null;
        var backlinks = embed.HasFlag(Embed.Backlinks) ? await Backlinks.OfAsync(db, ids, ct) : null;
        return rows.Map(e => map(e, context) with
        {
            Evidence = evidence is null ? null : [.. evidence[e.Id]],
            Backlinks = backlinks?[e.Id],
        });
    }

    private static readonly CompiledQuery<Func<Q7x2Db, string, CancellationToken, Task<Entity?>>> ById = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, CancellationToken ct) => db.Entities.AsNoTracking().FirstOrDefault(e => e.Id == id)));

    // An entity's aliases and links in one UNION ALL: an alias's name and type, a link's target and role, in Value and Type.
    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<PartRow>>> PartsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.EntityAliases.AsNoTracking().Where(a => a.EntityId == id)
            .Select(a => new PartRow { IsLink = false, Value = a.Name, Type = a.Type, Position = a.Position })
            .Concat(db.EntityLinks.AsNoTracking().Where(l => l.EntityId == id)
                .Select(l => new PartRow { IsLink = true, Value = l.TargetId, Type = l.Role, Position = l.Position }))));

    /// <summary>
    /// How many facts a detail embeds: the first page of the entity's facts list. A hub of the 10,000-source corpus has
    /// 81,157 facts; embedding them all made its detail take 2.2 s and grew every server holding such responses.
    /// </summary>
    public const int EmbeddedFacts = 20;

    // By subject, then by object (UNION ALL): SQLite merges both index reads in id order instead of sorting the OR's facts,
    // and stops after one more than a detail embeds (to know whether there are more).
    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Fact>>> FactsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Facts.AsNoTracking().Where(f => f.SubjectId == id)
            .Concat(db.Facts.AsNoTracking().Where(f => f.ObjectId == id && f.SubjectId != id))
            .OrderBy(f => f.Id).Take(EmbeddedFacts + 1).AsQueryable()));

    // All of an entity's facts (only when there are more than a detail embeds): the count the database keeps, as counting a hub's
    // 81,157 facts of the 10,000-source corpus took 13 ms per detail.
    private static readonly CompiledQuery<Func<Q7x2Db, string, CancellationToken, Task<int>>> FactCountOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, CancellationToken ct) => db.EntityFactCounts.Where(c => c.EntityId == id).Select(c => c.Facts).FirstOrDefault()));

    // The entity's evidence and its facts' (each row has one owner), in position order: one UNION ALL of two indexed lookups.
    private static readonly CompiledQuery<Func<Q7x2Db, string, List<string>, IAsyncEnumerable<Evidence>>> EvidenceOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, List<string> facts) => db.Evidence.AsNoTracking().Where(v => v.EntityId == id)
            .Concat(db.Evidence.AsNoTracking().Where(v => v.FactId != null && facts.Contains(v.FactId)))
            .OrderBy(v => v.Position).AsQueryable()));

    /// <summary>
    /// One entity of a kind (any kind when <paramref name="kind"/> is null) with what <paramref name="embed"/> asks for, or null:
    /// its first <see cref="EmbeddedFacts"/> facts (either side, in id order), their count and evidence, its own evidence, and
    /// what points at it. Six commands at most, for the entity, its aliases and links, its facts, the predicates and entities they
    /// name, the evidence of the entity and of its facts (each a lookup by an indexed column) and its backlinks (one bounded read
    /// of an index per group), and one more counting the facts when there are more than it embeds.
    /// </summary>
    public static async Task<T?> DetailAsync<T>(
        Q7x2Db db, string? kind, string id, Func<Entity, EntityContext, T> map, CancellationToken ct, Embed embed = Embed.Default)
        where T : EntityResponse
    {
        var entity = await ById.For(db)(db, id, ct);
        if (entity is null || (kind is not null && entity.Kind != kind))
        {
            return null;
        }

        await foreach (var part in PartsOf.For(db)(db, id).WithCancellation(ct))
        {
            if (part.IsLink)
            {
                entity.Links.Add(new EntityLink { EntityId = id, TargetId = part.Value, Role = part.Type, Position = part.Position });
            }
            else
            {
                entity.Aliases.Add(new EntityAlias { EntityId = id, Name = part.Value, Type = part.Type, Position = part.Position });
            }
        }

        var withFacts = embed.HasFlag(Embed.Facts);
        var facts = withFacts ? await FactsOf.For(db)(db, id).ToListAsync(ct) : [];
        var count = facts.Count;
        if (count > EmbeddedFacts)
        {
            facts.RemoveAt(EmbeddedFacts);
            count = await FactCountOf.For(db)(db, id, ct);
        }

        var (refs, predicates) = await RecordLoader.NamesAsync(db, References(entity).Concat(facts.SelectMany(RecordLoader.References)), facts, ct);
        var evidence = withFacts || embed.HasFlag(Embed.Evidence) ? await EvidenceOf.For(db)(db, id, [.. facts.Select(f => f.Id)]).ToListAsync(ct) : [];
        var factEvidence = evidence.Where(v => v.EntityId != id).ToLookup(v => v.FactId!, RecordLoader.ToResponse);
        return map(entity, new EntityContext(refs)) with
        {
            Facts = withFacts ? [.. facts.Select(f => RecordLoader.AsSeenFrom(id, RecordLoader.ToResponse(f, predicates[f.PredicateId], refs, factEvidence)))] : null,
            FactCount = withFacts ? count : null,
            MoreFacts = count > facts.Count ? $"/v1/facts?entity={Uri.EscapeDataString(id)}" : null,
            Evidence = embed.HasFlag(Embed.Evidence) ? [.. evidence.Where(v => v.EntityId == id).Select(RecordLoader.ToResponse)] : null,
            Backlinks = embed.HasFlag(Embed.Backlinks) ? await Backlinks.OfAsync(db, id, ct) : null,
        };
    }

    /// <summary>A row of <see cref="PartsOf"/>: an alias or a link.</summary>
    private sealed class PartRow
    {
        public bool IsLink { get; init; }

        public required string Value { get; init; }

        public required string Type { get; init; }

        public int Position { get; init; }
    }

    private static IEnumerable<string?> References(Entity e) =>
        new[] { e.CountryId, e.PartOfId, e.PlaceId, e.EventId }.Concat(e.Links.Select(l => l.TargetId));
}
