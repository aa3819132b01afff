using Microsoft.EntityFrameworkCore;
using Q7x2.Data;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Reads open their database connection once per request, not around every query as EF Core otherwise does. The connection
/// is a <see cref="PreparedConnections"/> one: usually still open from the context's previous request, with its statements.
/// Which argument is the context is worked out once per endpoint; writes open theirs in their transaction. On SQLite the read's
/// statements run in one read transaction (<see cref="PreparedConnections.BeginRead"/>): one snapshot for all of them, and one
/// read lock instead of one per statement.
/// </summary>
internal static class ReadConnection
{
    public static TBuilder OpenConnectionOncePerRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var index = Array.FindIndex(factory.MethodInfo.GetParameters(), p => p.ParameterType == typeof(Q7x2Db));
            if (index < 0)
            {
                return next;
            }

            return async context =>
            {
                var request = context.HttpContext.Request;
                if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
                {
                    return await next(context);
                }

                var db = context.GetArgument<Q7x2Db>(index);
                await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);

                // A streamed read takes its own snapshot (Streaming), and asOf shadows the tables with temporary views first.
                var connection = db.Database.GetDbConnection();
                if (Streaming.IsStreamed(request) || request.Query.ContainsKey(AsOfReads.Parameter) || !PreparedConnections.BeginRead(connection))
                {
                    return await next(context);
                }

                try
                {
                    return await next(context);
                }
                finally
                {
                    PreparedConnections.EndRead(connection);
                }
            };
        });
}
