using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Entities;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>Entities of one kind, written through their typed collection (/v1/people, /v1/places…).</summary>
internal sealed class EntityStore<TSeed, TResponse>(
    string resource, string typeName, string what, string kind, IValidator<TSeed> validator,
    Func<Entity, EntityContext, TResponse> map, Func<TSeed, TSeed> normalize) : CuratedStore<TSeed, TResponse>
    where TSeed : SeedEntity
    where TResponse : EntityResponse
{
    public override string Resource => resource;
    public override string TypeName => typeName;
    public override string What => what;
    public override IValidator<TSeed> Validator => validator;

    public override string IdOf(TSeed seed) => seed.Id;

    public override TSeed Normalize(TSeed seed) => normalize(seed with { Aliases = seed.Aliases ?? [], Evidence = seed.Evidence ?? [] });

    public override async Task<TSeed?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == id && e.Kind == kind)
            .Include(e => e.Aliases).Include(e => e.Links).Include(e => e.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return null;
        }

        var texts = await DbSeedLookup.TextsAsync(db, [.. entity.Evidence.Select(v => v.SourceId).Distinct()], ct);
        return (TSeed)SeedShapes.ToSeed(entity, texts.GetValueOrDefault);
    }

    public override Task<TResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct) =>
        EntityQueries.DetailAsync(db, kind, id, map, ct);

    public override async Task<object> BuildAsync(Q7x2Db db, TSeed seed, Action<string, string> error, CancellationToken ct)
    {
        var references = seed switch
        {
            SeedPerson p => [p.Country],
            SeedPlace p => [p.Country, p.PartOf],
            SeedOrganization o => [o.Country],
            SeedEvent e => [e.Place, e.PartOf, .. e.Participants],
            SeedAgreement a => [a.Event, .. a.Parties],
            SeedBorderCrossing b => [.. b.Countries, .. b.Connects],
            _ => new List<string?>(),
        };
        var lookup = await DbSeedLookup.LoadAsync(db, references, seed.Evidence, ct);
        return new SeedRecords(lookup, error).ToEntity(seed, kind, "$");
    }

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

/// <summary>Facts, written through /v1/facts.</summary>
internal sealed class FactStore : CuratedStore<SeedFact, FactResponse>
{
    public override string Resource => "facts";
    public override string TypeName => "Fact";
    public override string What => "fact";
    public override IValidator<SeedFact> Validator { get; } = new SeedFactValidator();

    public override string IdOf(SeedFact seed) => seed.Id;

    public override SeedFact Normalize(SeedFact seed) => seed with { Evidence = seed.Evidence ?? [] };

    public override async Task<SeedFact?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var fact = await db.Facts.AsNoTracking().Include(f => f.Evidence).FirstOrDefaultAsync(f => f.Id == id, ct);
        return fact is null ? null
            : SeedShapes.ToSeed(fact, (await DbSeedLookup.TextsAsync(db, [.. fact.Evidence.Select(v => v.SourceId).Distinct()], ct)).GetValueOrDefault);
    }

    public override async Task<FactResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var rows = await db.Facts.AsNoTracking().Where(f => f.Id == id).ToListAsync(ct);
        return rows.Count == 0 ? null : (await RecordLoader.FactsAsync(db, rows, ct))[0];
    }

    public override async Task<object> BuildAsync(Q7x2Db db, SeedFact seed, Action<string, string> error, CancellationToken ct)
    {
        var lookup = await DbSeedLookup.LoadAsync(db, [seed.Subject, seed.Object, seed.Attribution, seed.Predicate], seed.Evidence, ct);
        return new SeedRecords(lookup, error).ToFact(seed, "$");
    }

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) => db.Facts.Where(f => f.Id == id).ExecuteDeleteAsync(ct);

    public override Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
