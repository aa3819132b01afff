using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Q7x2.Data.Text;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Rejects query parameters an endpoint does not know (a misspelt filter must not be silently ignored). The known names are
/// read from the handler's parameters once, when the endpoint is built.
/// </summary>
internal static class QueryParameterFilter
{
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var known = Bound(factory.MethodInfo).Select(p => p.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            return context =>
            {
                var query = context.HttpContext.Request.Query;
                if (query.Count == 0 || query.Keys.All(known.Contains))
                {
                    return next(context);
                }

                // Parameters an endpoint filter reads (fields), named by the endpoint's metadata: looked up only when a name is not bound.
                var extra = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<AcceptsQueryParameters>().SelectMany(m => m.Names).ToList() ?? [];
                var unknown = query.Keys.Where(k => !known.Contains(k) && !extra.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
                if (unknown.Count == 0)
                {
                    return next(context);
                }

                var allowed = known.Count + extra.Count == 0 ? "none" : string.Join(", ", known.Concat(extra).Order(StringComparer.Ordinal));
                return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                    unknown.ToDictionary(k => k, k => new[] { $"Unknown query parameter '{k}'. Allowed: {allowed}." }),
                    title: "One or more query parameters are invalid.",
                    detail: $"Unknown query parameter(s): {string.Join(", ", unknown)}."));
            };
        });

    /// <summary>
    /// The query parameters a handler binds, with their types: the properties of its <c>[AsParameters]</c> records (camelCase,
    /// or their <c>[FromQuery]</c> name) and its <c>[FromQuery]</c> parameters.
    /// </summary>
    public static IEnumerable<(string Name, Type Type)> Bound(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties().Where(p => p.CanWrite))
                {
                    yield return (property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNames.CamelPath(property.Name), property.PropertyType);
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } query)
            {
                yield return (query.Name ?? parameter.Name!, parameter.ParameterType);
            }
        }
    }
}
