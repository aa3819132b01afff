using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// Counts the LINQ queries EF compiles. EF calls this interceptor only when a query misses its compiled-query cache,
/// so a warmed-up read that counts one has built its expression around a value instead of a parameter.
/// </summary>
public sealed class CompilationCounter : IQueryExpressionInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Interlocked.Increment(ref _count);
        return queryExpression;
    }
}
