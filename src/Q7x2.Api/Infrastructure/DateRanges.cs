using System.Linq.Expressions;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The one definition of how a <c>from</c>/<c>to</c> filter matches fuzzy dates: by overlap. The start is compared through the
/// owner's date key (the date's first day, 9999-12-31 when undated), which indexes hold: <c>key &lt;= to</c> bounds an index range,
/// and the end (<c>to &gt;= from</c>) is checked on the rows of that range. No index can bound both sides, since an interval may be
/// of any length.
/// </summary>
internal static class DateRanges
{
    // One predicate per combination of bounds, so that no part of a query tests a bound for null (EF would evaluate the test
    // on every request).
    private static readonly Expression<Func<FuzzyDate?, DateOnly, DateOnly, DateOnly, bool>> Overlaps =
        (d, key, from, to) => d != null && d.To >= from && key <= to;

    private static readonly Expression<Func<FuzzyDate?, DateOnly, DateOnly, bool>> EndsOnOrAfter = (d, key, from) => d != null && d.To >= from;

    private static readonly Expression<Func<FuzzyDate?, DateOnly, DateOnly, bool>> StartsOnOrBefore = (d, key, to) => d != null && key <= to;

    private static readonly Expression<Func<FuzzyDate?, DateOnly, bool>> HasDate = (d, key) => d != null && key < DateOnly.MaxValue;

    /// <summary>
    /// Rows whose date interval overlaps [from, to]; undated rows never match a range. Without either bound every row
    /// matches, undated ones included. The bounds reach SQL as parameters.
    /// </summary>
    public static IQueryable<T> Overlapping<T>(
        this IQueryable<T> query, Expression<Func<T, FuzzyDate?>> date, Expression<Func<T, DateOnly>> key, DateOnly? from, DateOnly? to) =>
        (from, to) switch
        {
            ({ } f, { } t) => query.Where(Bind(Overlaps, date, key, QueryParameters.Of(f), QueryParameters.Of(t))),
            ({ } f, null) => query.Where(Bind(EndsOnOrAfter, date, key, QueryParameters.Of(f))),
            (null, { } t) => query.Where(Bind(StartsOnOrBefore, date, key, QueryParameters.Of(t))),
            (null, null) => query,
        };

    /// <summary>Only dated rows: the date key's index range stops before the undated rows, which all have the last key.</summary>
    public static IQueryable<T> Dated<T>(this IQueryable<T> query, Expression<Func<T, FuzzyDate?>> date, Expression<Func<T, DateOnly>> key) =>
        query.Where(Bind(HasDate, date, key));

    private static Expression<Func<T, bool>> Bind<T>(
        LambdaExpression predicate, Expression<Func<T, FuzzyDate?>> date, Expression<Func<T, DateOnly>> key, params Expression[] bounds)
    {
        var row = date.Parameters[0];
        var replacements = new Dictionary<Expression, Expression>
        {
            [predicate.Parameters[0]] = date.Body,
            [predicate.Parameters[1]] = new Substitute(new Dictionary<Expression, Expression> { [key.Parameters[0]] = row }).Visit(key.Body),
        };
        for (var i = 0; i < bounds.Length; i++)
        {
            replacements[predicate.Parameters[i + 2]] = bounds[i];
        }

        return Expression.Lambda<Func<T, bool>>(new Substitute(replacements).Visit(predicate.Body), row);
    }

    private sealed class Substitute(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }
}
