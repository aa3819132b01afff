using Microsoft.EntityFrameworkCore;
using Q7x2.Data;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Reads open their database connection once per request, not around every query as EF Core otherwise does. The connection
/// is a <see cref="PreparedConnections"/> one: usually still open from the context's previous request, with its statements.
/// Which argument is the context is worked out once per endpoint; writes open theirs in their transaction.
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
                var method = context.HttpContext.Request.Method;
                if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
                {
                    await context.GetArgument<Q7x2Db>(index).Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
                }

                return await next(context);
            };
        });
}
