using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Observations;

/// <summary>Filters and batch loads shared by observations and their typed views (trade figures).</summary>
internal static class ObservationQueries
{
    /// <summary>
    /// Observations with the entity among their subjects, by id from the subjects' index on the entity (<c>Id IN (…)</c>): a
    /// test per observation (<c>EXISTS</c>) walked every observation in the page's order until the page was full.
    /// </summary>
    public static IQueryable<Observation> AboutSubject(this IQueryable<Observation> query, Q7x2Db db, string entity) =>
        query.Where(o => db.ObservationSubjects.Where(s => s.EntityId == entity).Select(s => s.ObservationId).Contains(o.Id));

    /// <summary>Observations whose period overlaps [from, to]; those without a period never match a range.</summary>
    public static IQueryable<Observation> Overlapping(this IQueryable<Observation> query, DateOnly? from, DateOnly? to) =>
        DateRanges.Overlapping(query, o => o.Period, o => o.PeriodKey, from, to);

    private static readonly CompiledQuery<Func<Q7x2Db, List<string>, IAsyncEnumerable<ObservationSubject>>> SubjectsOf = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, List<string> ids) => db.ObservationSubjects.AsNoTracking().Where(s => ids.Contains(s.ObservationId)).OrderBy(s => s.Position).AsQueryable()));

    private static readonly CompiledQuery<Func<Q7x2Db, string, IAsyncEnumerable<Observation>>> ById = new(() => EF.CompileAsyncQuery(
        (Q7x2Db db, string id) => db.Observations.AsNoTracking().Where(o => o.Id == id)));

    /// <summary>The observation with this id, as a list of zero or one row: one compiled query.</summary>
    public static Task<List<Observation>> ByIdAsync(Q7x2Db db, string id, CancellationToken ct) => ById.For(db)(db, id).ToListAsync(ct).AsTask();

    /// <summary>The subject ids of each observation, in position order: one query.</summary>
    public static async Task<ILookup<string, string>> SubjectsAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        (await SubjectsOf.For(db)(db, [.. ids]).ToListAsync(ct)).ToLookup(s => s.ObservationId, s => s.EntityId);

    /// <summary>Responses for observation rows, in their order, with subjects, attribution and evidence resolved in three queries.</summary>
    public static async Task<List<ObservationResponse>> ResponsesAsync(Q7x2Db db, IReadOnlyList<Observation> rows, CancellationToken ct)
    {
        var ids = rows.Select(o => o.Id).ToList();
        var subjects = await SubjectsAsync(db, ids, ct);
        var evidence = await RecordLoader.ObservationEvidenceAsync(db, ids, ct);
        var refs = await RecordLoader.RefsAsync(db, subjects.SelectMany(s => s).Concat(rows.Select(o => o.AttributionId)), ct);
        return [.. rows.Select(o => new ObservationResponse(
            o.Id, o.Metric, [.. subjects[o.Id].Select(s => refs[s])], Quantity.Normalize(o.Value), o.Unit, o.Comparator,
            FuzzyDateResponse.Of(o.Period), o.Modality, o.AttributionId is null ? null : refs[o.AttributionId], o.Note, [.. evidence[o.Id]]))];
    }
}
