using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

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
            var known = KnownNames(factory.MethodInfo).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            return context =>
            {
                var query = context.HttpContext.Request.Query;
                if (query.Count == 0 || query.Keys.All(known.Contains))
                {
                    return next(context);
                }

                var unknown = query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
                var allowed = known.Count == 0 ? "none" : string.Join(", ", known.Order(StringComparer.Ordinal));
                return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                    unknown.ToDictionary(k => k, k => new[] { $"Unknown query parameter '{k}'. Allowed: {allowed}." }),
                    title: "One or more query parameters are invalid.",
                    detail: $"Unknown query parameter(s): {string.Join(", ", unknown)}."));
            };
        });

    private static HashSet<string> KnownNames(MethodInfo method)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties().Where(p => p.CanWrite))
                {
                    names.Add(property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? JsonNaming(property.Name));
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } query)
            {
                names.Add(query.Name ?? parameter.Name!);
            }
        }

        return names;
    }

    private static string JsonNaming(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
