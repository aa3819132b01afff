using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Observations;
using Q7x2.Data;
using Q7x2.Data.Seeding;

namespace Q7x2.Api.Features.Curation;

/// <summary>Observations, written through /v1/observations.</summary>
internal sealed class ObservationStore : CuratedStore<SeedObservation, ObservationResponse>
{
    public override string Resource => "observations";
    public override string TypeName => "Observation";
    public override string What => "observation";
    public override IValidator<SeedObservation> Validator { get; } = new SeedObservationValidator();

    public override string IdOf(SeedObservation seed) => seed.Id;

    public override SeedObservation Normalize(SeedObservation seed) => seed with { Subjects = seed.Subjects ?? [], Evidence = seed.Evidence ?? [] };

    public override async Task<SeedObservation?> LoadAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var observation = await db.Observations.AsNoTracking().Include(o => o.Subjects).Include(o => o.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        return observation is null ? null
            : SeedShapes.ToSeed(observation, (await DbSeedLookup.TextsAsync(db, [.. observation.Evidence.Select(v => v.SourceId).Distinct()], ct)).GetValueOrDefault);
    }

    public override async Task<ObservationResponse?> DetailAsync(Q7x2Db db, string id, CancellationToken ct)
    {
        var rows = await db.Observations.AsNoTracking().Where(o => o.Id == id).ToListAsync(ct);
        return rows.Count == 0 ? null : (await ObservationQueries.ResponsesAsync(db, rows, ct))[0];
    }

    public override async Task<object> BuildAsync(Q7x2Db db, SeedObservation seed, Action<string, string> error, CancellationToken ct)
    {
        var lookup = await DbSeedLookup.LoadAsync(db, [.. seed.Subjects, seed.Attribution], seed.Evidence, ct);
        return new SeedRecords(lookup, error).ToObservation(seed, "$");
    }

    public override Task DeleteAsync(Q7x2Db db, string id, CancellationToken ct) =>
        db.Observations.Where(o => o.Id == id).ExecuteDeleteAsync(ct);

    public override Task<IReadOnlyList<string>> ReferencedByAsync(Q7x2Db db, string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
