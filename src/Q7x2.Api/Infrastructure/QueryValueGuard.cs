using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Answers a query value its parameter's type cannot hold (<c>limit=ten</c>, <c>count=maybe</c>) with a problem naming the
/// parameter, before the endpoint runs. The checks are worked out once per endpoint from the parameters its handler binds
/// (<see cref="QueryParameterFilter.Bound"/>, which also says which names are known). The answer does not depend on how
/// request delegates are built: compile-time generated ones answer such a value with a bare 400.
/// </summary>
internal static class QueryValueGuard
{
    private sealed record Check(string Name, string TypeName, Func<string, bool> Parses);

    private static readonly ConcurrentDictionary<Endpoint, Check[]> Checks = new();

    public static IApplicationBuilder UseQ7x2QueryValueGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.Count > 0 && context.GetEndpoint() is { } endpoint)
        {
            foreach (var check in Checks.GetOrAdd(endpoint, ChecksOf))
            {
                // As the binder reads it: repeated values joined with commas, an empty value is no value.
                if ((string?)context.Request.Query[check.Name] is { Length: > 0 } value && !check.Parses(value))
                {
                    await ProblemSetup.BadParameter(check.Name, $"'{value}' is not a valid value of type {check.TypeName} for '{check.Name}'.")
                        .ExecuteAsync(context);
                    return;
                }
            }
        }

        await next(context);
    });

    private static Check[] ChecksOf(Endpoint endpoint) => endpoint.Metadata.GetMetadata<MethodInfo>() is { } method
        ? [.. QueryParameterFilter.Bound(method).Select(p => CheckOf(p.Name, p.Type)).OfType<Check>()]
        : [];

    /// <summary>The query parameter types of this API besides text: whole numbers and booleans (other types: the binder's answer).</summary>
    private static Check? CheckOf(string name, Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => new Check(name, "int", v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
        var t when t == typeof(long) => new Check(name, "long", v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
        var t when t == typeof(bool) => new Check(name, "bool", v => bool.TryParse(v, out _)),
        _ => null,
    };
}
