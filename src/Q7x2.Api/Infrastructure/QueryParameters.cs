using System.Linq.Expressions;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Values for expression trees built by hand. <c>Expression.Constant(value)</c> puts the value into the query's shape, so EF
/// compiles (and caches) a new query for every value; a field read from a captured object, as a C# closure does, becomes a
/// SQL parameter and the cached query serves every value.
/// </summary>
internal static class QueryParameters
{
    /// <summary>
    /// Keeps the rows that meet <paramref name="condition"/> for <paramref name="value"/> when a value is given, and all rows
    /// when not. The condition closes over the value as a C# local, which EF reads as a SQL parameter without evaluating any
    /// part of the tree per request, as it must for a test like <c>query.Subject == null || …</c> written inside the query.
    /// </summary>
    public static IQueryable<T> WhereGiven<T>(this IQueryable<T> query, string? value, Func<string, Expression<Func<T, bool>>> condition) =>
        value is null ? query : query.Where(condition(value));

    public static MemberExpression Of<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed class Captured<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }
}
