using System.Linq.Expressions;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>The one definition of how a <c>from</c>/<c>to</c> filter matches fuzzy dates: by overlap.</summary>
internal static class DateRanges
{
    private static readonly Expression<Func<FuzzyDate?, DateOnly?, DateOnly?, bool>> Overlaps =
        (d, from, to) => d != null && (from == null || d.To >= from) && (to == null || d.From <= to);

    /// <summary>
    /// Rows whose date interval overlaps [from, to]; undated rows never match a range. Without either bound every row
    /// matches, undated ones included. The bounds reach SQL as parameters.
    /// </summary>
    public static IQueryable<T> Overlapping<T>(this IQueryable<T> query, Expression<Func<T, FuzzyDate?>> date, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null)
        {
            return query;
        }

        var body = new Substitute(new Dictionary<Expression, Expression>
        {
            [Overlaps.Parameters[0]] = date.Body,
            [Overlaps.Parameters[1]] = QueryParameters.Of(from),
            [Overlaps.Parameters[2]] = QueryParameters.Of(to),
        }).Visit(Overlaps.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, date.Parameters));
    }

    private sealed class Substitute(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }
}
