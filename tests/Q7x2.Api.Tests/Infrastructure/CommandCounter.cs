using System.Data.Common;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>Counts the SQL commands EF sends for requests, so tests can bound what one request costs.</summary>
public sealed class CommandCounter : RequestCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    protected override void OnCommand(DbCommand command) => Interlocked.Increment(ref _count);
}
