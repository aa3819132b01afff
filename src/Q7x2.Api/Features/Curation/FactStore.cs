using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Facts;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>Facts, written through /v1/facts.</summary>
internal sealed class FactStore() : SeedShapedStore<FactInput, SeedFact, FactResponse>(() => new SeedFactValidator())
{
    public override string Resource => "facts";
    public override string TypeName => "Fact";
    public override string What => "fact";

    public override async Task<FactInput?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var fact = await db.Facts.AsNoTracking().Include(f => f.Evidence).FirstOrDefaultAsync(f => f.Id == id, ct);
        return fact is null ? null
            : FactInput.FromSeed(SeedShapes.ToSeed(fact, (await DbSeedLookup.TextsAsync(db, [.. fact.Evidence.Select(v => v.SourceId).Distinct()], ct)).GetValueOrDefault));
    }

    public override async Task<FactResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var rows = await RecordLoader.FactByIdAsync(db, id, ct);
        return rows.Count == 0 ? null : (await RecordLoader.FactsAsync(db, rows, ct))[0];
    }

    public override ICuratedRecord Build(ISeedLookup lookup, FactInput input, Action<string, string> error) =>
        new SeedRecords(lookup, error).ToFact(input.ToSeed(), "$");

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) => db.Facts.Where(f => f.Id == id).ExecuteDeleteAsync(ct);

    public override Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
