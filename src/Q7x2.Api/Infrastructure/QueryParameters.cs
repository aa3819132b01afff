using System.Linq.Expressions;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Values for expression trees built by hand. <c>Expression.Constant(value)</c> puts the value into the query's shape, so EF
/// compiles (and caches) a new query for every value; a field read from a captured object, as a C# closure does, becomes a
/// SQL parameter and the cached query serves every value.
/// </summary>
internal static class QueryParameters
{
    public static MemberExpression Of<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private sealed class Captured<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }
}
