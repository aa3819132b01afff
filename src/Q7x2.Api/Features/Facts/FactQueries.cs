using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Facts;

internal static class FactQueries
{
    /// <summary>
    /// The facts a query's filters select. A null filter drops out of the SQL (EF Core specialises the command on null parameters).
    /// Date ranges match by overlap; undated facts never match a range.
    /// </summary>
    public static IQueryable<Fact> Matching(this IQueryable<Fact> facts, FactsQuery q)
    {
        return facts.Where(f => (q.Subject == null || f.SubjectId == q.Subject)
            && (q.Object == null || f.ObjectId == q.Object)
            && (q.Entity == null || f.SubjectId == q.Entity || f.ObjectId == q.Entity)
            && (q.Predicate == null || f.PredicateId == q.Predicate)
            && (q.Modality == null || f.Modality == q.Modality)
            && (q.Source == null || f.Evidence.Any(v => v.SourceId == q.Source)))
            .Overlapping(f => f.Date, q.FromDate, q.ToDate);
    }
}
