using System.Data.Common;
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

    /// <summary>
    /// How many facts a detail embeds: the first page of the entity's facts list. A hub of the 10,000-source corpus has
    /// 81,157 facts; embedding them all made its detail take 2.2 s and grew every server holding such responses.
    /// </summary>
    public const int EmbeddedFacts = 20;

    // All of an entity's facts (only when there are more than a detail embeds): the count the database keeps, as counting a hub's
    // 81,157 facts of the 10,000-source corpus took 13 ms per detail.
    private static readonly CompiledQuery<Func<Q7x2Db, string, CancellationToken, Task<int>>> FactCountOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id, CancellationToken ct) => db.EntityFactCounts.Where(c => c.EntityId == id).Select(c => c.Facts).FirstOrDefault()));

    // The entity's row; its aliases and links in one UNION ALL (an alias's name and type, a link's target and role, in Value and
    // Type); with facts, its first ones plus one (to know there are more) by subject, then by object (UNION ALL: SQLite merges both
    // index reads in id order instead of sorting the OR's facts); with backlinks, what points at it. One command, in one of four
    // shapes: facts (1) and backlinks (2) or not.
    private static readonly EngineSql[] DetailOf = [.. Enumerable.Range(0, 4).Select(shape =>
        EngineSql.Of(sql => string.Join(";\n", DetailStatements(sql, (shape & 1) != 0, (shape & 2) != 0))))];

    private static IEnumerable<string> DetailStatements(SqlDialect sql, bool facts, bool backlinks)
    {
        yield return $"""SELECT {RecordRows.EntityColumns} FROM "Entities" AS e WHERE e."Id" = @id""";
        yield return """
            SELECT 0 AS "IsLink", a."Name" AS "Value", a."Type", a."Position" FROM "EntityAliases" AS a WHERE a."EntityId" = @id
            UNION ALL
            SELECT 1, l."TargetId", l."Role", l."Position" FROM "EntityLinks" AS l WHERE l."EntityId" = @id
            """;
        if (facts)
        {
            yield return $"""
                SELECT {RecordRows.FactColumns} FROM "Facts" AS f WHERE f."SubjectId" = @id
                UNION ALL
                SELECT {RecordRows.FactColumns} FROM "Facts" AS f WHERE f."ObjectId" = @id AND f."SubjectId" <> @id
                ORDER BY "Id" LIMIT {EmbeddedFacts + 1}
                """;
        }

        if (backlinks)
        {
            yield return Backlinks.FirstOfEachGroup.For(sql);
        }
    }

    /// <summary>
    /// One entity of a kind (any kind when <paramref name="kind"/> is null) with what <paramref name="embed"/> asks for, or null:
    /// its first <see cref="EmbeddedFacts"/> facts (either side, in id order), their count and evidence, its own evidence, and
    /// what points at it. Two commands: the entity, its aliases and links, its facts and its backlinks (one bounded read of an index
    /// per group), all by its id (<see cref="DetailOf"/>); then the predicates and entities they name with the evidence of the entity
    /// and of its facts (each a lookup by an indexed column); and one more counting the facts when there are more than it embeds.
    /// </summary>
    public static async Task<T?> DetailAsync<T>(
        Q7x2Db db, string? kind, string id, Func<Entity, EntityContext, T> map, CancellationToken ct, Embed embed = Embed.Default)
        where T : EntityResponse
    {
        var withFacts = embed.HasFlag(Embed.Facts);
        var withBacklinks = embed.HasFlag(Embed.Backlinks);
        List<DbParameter> parameters = [RawSql.Parameter(db, "@id", id)];
        if (withBacklinks)
        {
            parameters.Add(Backlinks.IdsParameter(db, [id]));
        }

        var (entity, parts, facts, backlinks) = await RawSql.ReadSetsAsync(
            db, DetailOf[(withFacts ? 1 : 0) | (withBacklinks ? 2 : 0)].For(db), parameters, async sets => (
                (await sets.NextAsync(RecordRows.Entity)).SingleOrDefault(),
                await sets.NextAsync(PartRow),
                withFacts ? await sets.NextAsync(RecordRows.Fact) : [],
                withBacklinks ? await sets.NextAsync(Backlinks.Read) : null), ct);
        if (entity is null || (kind is not null && entity.Kind != kind))
        {
            return null;
        }

        foreach (var (isLink, value, type, position) in parts)
        {
            if (isLink)
            {
                entity.Links.Add(new EntityLink { EntityId = id, TargetId = value, Role = type, Position = position });
            }
            else
            {
                entity.Aliases.Add(new EntityAlias { EntityId = id, Name = value, Type = type, Position = position });
            }
        }

        var count = facts.Count;
        if (count > EmbeddedFacts)
        {
            facts.RemoveAt(EmbeddedFacts);
            count = await FactCountOf.For(db)(db, id, ct);
        }

        var names = await RecordLoader.NamesAsync(db, References(entity).Concat(facts.SelectMany(RecordLoader.References)), facts, ct,
            withEvidence: withFacts || embed.HasFlag(Embed.Evidence), evidenceOf: id);
        var factEvidence = names.Evidence.Where(v => v.EntityId != id).ToLookup(v => v.FactId!, RecordLoader.ToResponse);
        return map(entity, new EntityContext(names.Refs)) with
        {
            Facts = withFacts
                ? [.. facts.Select(f => RecordLoader.AsSeenFrom(id, RecordLoader.ToResponse(f, names.Predicates[f.PredicateId], names.Refs, factEvidence)))]
                : null,
            FactCount = withFacts ? count : null,
            MoreFacts = count > facts.Count ? $"/v1/facts?entity={Uri.EscapeDataString(id)}" : null,
            Evidence = embed.HasFlag(Embed.Evidence) ? [.. names.Evidence.Where(v => v.EntityId == id).Select(RecordLoader.ToResponse)] : null,
            Backlinks = backlinks is null ? null : Backlinks.Grouped([id], backlinks)[id],
        };
    }

    /// <summary>A row of the aliases and links: an alias's name and type, or a link's target and role.</summary>
    private static (bool IsLink, string Value, string Type, int Position) PartRow(DbDataReader r) =>
        (r.GetInt32(0) == 1, r.GetString(1), r.GetString(2), r.GetInt32(3));

    private static IEnumerable<string?> References(Entity e) =>
        new[] { e.CountryId, e.PartOfId, e.PlaceId, e.EventId }.Concat(e.Links.Select(l => l.TargetId));
}
