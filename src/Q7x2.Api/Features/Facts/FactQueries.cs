using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Facts;

internal static class FactQueries
{
    /// <summary>
    /// The facts a query's filters select: one condition per filter given (<see cref="QueryParameters.WhereGiven"/>). Date ranges
    /// match by overlap; undated facts never match a range. A source's facts are the ids its evidence names, read from the
    /// evidence's index on the source (<c>Id IN (…)</c>): a test per fact (<c>EXISTS</c>) walked every fact in the sort's
    /// order until a page was full, 3.9 s for a source of the 10,000-source corpus.
    /// </summary>
    public static IQueryable<Fact> Matching(this IQueryable<Fact> facts, FactsQuery q, Q7x2Db db)
    {
        var matching = facts
            .WhereGiven(q.Subject, subject => f => f.SubjectId == subject)
            .WhereGiven(q.Object, @object => f => f.ObjectId == @object)
            .WhereGiven(q.Predicate, predicate => f => f.PredicateId == predicate)
            .WhereGiven(q.Modality, modality => f => f.Modality == modality)
            .WhereGiven(q.Source, source => f => db.Evidence.Where(v => v.SourceId == source).Select(v => v.FactId!).Contains(f.Id))
            .Overlapping(f => f.Date, f => f.DateKey, q.FromDate, q.ToDate);
        return q.Entity is { } entity ? matching.AboutEntity(entity) : matching;
    }

    /// <summary>
    /// Facts with the entity as subject or object, as two index reads (by subject, then by object when it is not also the subject)
    /// joined by UNION ALL: SQLite merges the two in the page's order from their indexes and stops at the page's end, where an OR
    /// would collect and sort every fact of the entity.
    /// </summary>
    public static IQueryable<Fact> AboutEntity(this IQueryable<Fact> facts, string entity) =>
        facts.Where(f => f.SubjectId == entity).Concat(facts.Where(f => f.ObjectId == entity && f.SubjectId != entity));
}
