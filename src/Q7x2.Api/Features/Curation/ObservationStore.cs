using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Observations;
using Q7x2.Data;
using Q7x2.Data.Entities;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>Observations, written through /v1/observations.</summary>
internal sealed class ObservationStore() : SeedShapedStore<ObservationInput, SeedObservation, ObservationResponse>(() => new SeedObservationValidator())
{
    public override string Resource => "observations";
    public override string TypeName => "Observation";
    public override string What => "observation";

    public override async Task<ObservationInput?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var observation = await db.Observations.AsNoTracking().Include(o => o.Subjects).Include(o => o.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        return observation is null ? null
            : ObservationInput.FromSeed(SeedShapes.ToSeed(observation,
                (await DbSeedLookup.TextsAsync(db, [.. observation.Evidence.Select(v => v.SourceId).Distinct()], ct)).GetValueOrDefault));
    }

    public override async Task<ObservationResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var rows = await ObservationQueries.ByIdAsync(db, id, ct);
        return rows.Count == 0 ? null : (await ObservationQueries.ResponsesAsync(db, rows, ct))[0];
    }

    public override ICuratedRecord Build(ISeedLookup lookup, ObservationInput input, Action<string, string> error) =>
        new SeedRecords(lookup, error).ToObservation(input.ToSeed(), "$");

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) =>
        db.Observations.Where(o => o.Id == id).ExecuteDeleteAsync(ct);

    public override Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
