using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Claims;

/// <summary>Checks claim rows: reads the records they rest on, their subjects and the qualifiers, a fixed number of queries per call.</summary>
internal static class ClaimReader
{
    public static async Task<List<ClaimResponse>> CheckAsync(Q7x2Db db, IReadOnlyList<Claim> claims, CancellationToken ct)
    {
        if (claims.Count == 0)
        {
            return [];
        }

        var ids = claims.SelectMany(c => c.Operands.Select(o => o.RecordId)).Distinct().ToList();
        var records = new Dictionary<string, ClaimRecord>(StringComparer.Ordinal);
        foreach (var e in await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Kind, e.Name, e.Date }).ToListAsync(ct))
        {
            records[e.Id] = new ClaimRecord(e.Id, e.Kind, e.Name, null, null, null, e.Date);
        }

        foreach (var f in await db.Facts.AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.Date }).ToListAsync(ct))
        {
            records[f.Id] = new ClaimRecord(f.Id, "fact", null, null, null, null, f.Date);
        }

        var observations = await db.Observations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Metric, o.Value, o.Unit, o.Comparator, o.Period }).ToListAsync(ct);
        foreach (var o in observations)
        {
            records[o.Id] = new ClaimRecord(o.Id, "observation", o.Metric, Quantity.Normalize(o.Value), o.Unit, o.Comparator, o.Period);
        }

        var qualifierIds = claims.Select(c => c.QualifierId).Distinct().ToList();
        var qualifiers = await db.ClaimQualifiers.AsNoTracking().Where(q => qualifierIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var refs = await RecordLoader.RefsAsync(db, claims.SelectMany(c => c.Subjects.Select(s => s.EntityId)), ct);
        return [.. claims.Select(c => ClaimChecks.Check(c, qualifiers[c.QualifierId], records,
            [.. c.Subjects.OrderBy(s => s.Position).Select(s => refs.GetValueOrDefault(s.EntityId)).OfType<EntityRef>()]))];
    }
}
