using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>Entities of one kind, written through their typed collection (/v1/people, /v1/places…).</summary>
internal sealed class EntityStore<TInput, TSeed, TResponse>(
    string resource, string typeName, string what, string kind, Func<IValidator<TSeed>> newValidator,
    Func<Entity, EntityContext, TResponse> map) : SeedShapedStore<TInput, TSeed, TResponse>(newValidator)
    where TInput : class, ICuratedInput<TInput, TSeed>
    where TSeed : SeedEntity
    where TResponse : EntityResponse
{
    public override string Resource => resource;
    public override string TypeName => typeName;
    public override string What => what;

    public override async Task<TInput?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == id && e.Kind == kind)
            .Include(e => e.Aliases).Include(e => e.Links).Include(e => e.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return null;
        }

        var texts = await DbSeedLookup.TextsAsync(db, [.. entity.Evidence.Select(v => v.SourceId).Distinct()], ct);
        return TInput.FromSeed((TSeed)SeedShapes.ToSeed(entity, texts.GetValueOrDefault));
    }

    public override Task<TResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct) =>
        EntityQueries.DetailAsync(db, kind, id, map, ct);

    public override Task<TResponse?> OwnDetailAsync(Q7x2Db db, string id, CancellationToken ct) =>
        EntityQueries.DetailAsync(db, kind, id, map, ct, Embed.Evidence);

    public override ICuratedRecord Build(ISeedLookup lookup, TInput input, Action<string, string> error) =>
        new SeedRecords(lookup, error).ToEntity(input.ToSeed(), kind, "$");

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) =>
        db.Entities.Where(e => e.Id == id).ExecuteDeleteAsync(ct);

    public override async Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var facts = await db.Facts.AsNoTracking()
            .Where(f => f.SubjectId == id || f.ObjectId == id || f.AttributionId == id).Select(f => "facts/" + f.Id).ToListAsync(ct);
        var observations = await db.Observations.AsNoTracking()
            .Where(o => o.AttributionId == id || o.Subjects.Any(s => s.EntityId == id)).Select(o => "observations/" + o.Id).ToListAsync(ct);
        var entities = await db.Entities.AsNoTracking()
            .Where(e => e.Id != id && (e.CountryId == id || e.PartOfId == id || e.PlaceId == id || e.EventId == id || e.Links.Any(l => l.TargetId == id)))
            .Select(e => "entities/" + e.Id).ToListAsync(ct);
        return [.. facts.Order(StringComparer.Ordinal), .. observations.Order(StringComparer.Ordinal), .. entities.Order(StringComparer.Ordinal)];
    }
}
