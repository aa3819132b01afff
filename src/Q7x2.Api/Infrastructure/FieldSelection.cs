using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>Query parameters an endpoint takes besides those its handler binds (for <see cref="QueryParameterFilter"/>).</summary>
internal sealed record AcceptsQueryParameters(IReadOnlyList<string> Names);

/// <summary>
/// <c>fields=id,name,country</c>: only these members of a record (a detail) or of each item (a list; <c>next</c> and <c>total</c>
/// stay), in the order the record has them. A name must be a member of the record, else 400 listing them; what
/// <c>embed</c> adds can be chosen too. The record is read and mapped as without <c>fields</c>, then cut: a lean read asks
/// for <c>embed=none</c> as well. A CSV export takes <c>fields</c> as its columns (<see cref="CsvExport"/>).
/// </summary>
internal static class FieldSelection
{
    public const string Parameter = "fields";

    /// <summary>The members of a record type a client may name, in the record's order.</summary>
    public static IReadOnlyList<string> Members(Type type, JsonSerializerOptions json) => [.. json.GetTypeInfo(type).Properties.Select(p => p.Name)];

    /// <summary>The names a <c>fields</c> value gives (null without one), or the reason it is refused.</summary>
    public static (IReadOnlyList<string>? Fields, string? Error) Parse(HttpRequest request, IReadOnlyCollection<string> allowed)
    {
        if (!request.Query.TryGetValue(Parameter, out var raw))
        {
            return (null, null);
        }

        var names = string.Join(',', raw.ToArray()).Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
        {
            return (null, "Give member names separated by commas, e.g. 'id,name'.");
        }

        var unknown = names.Where(n => !allowed.Contains(n)).Distinct().ToList();
        return unknown.Count == 0
            ? ([.. names.Distinct()], null)
            : (null, $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is not a field" : "are not fields")} of this resource. "
                + $"The fields: {string.Join(", ", allowed)}.");
    }

    public static ValidationProblem Refusal(string error) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [Parameter] = [error] }, title: "One or more query parameters are invalid.");

    /// <summary>Cuts a list's items or a detail to the fields asked for.</summary>
    public static RouteHandlerBuilder SelectsFields(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new AcceptsQueryParameters([Parameter]))
        .AddEndpointFilterFactory((factory, next) =>
        {
            var returned = EndpointResults.Answered(factory.MethodInfo.ReturnType);
            var isList = returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Page<>);
            var json = factory.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var members = Members(isList ? returned.GetGenericArguments()[0] : returned, json);
            return async context =>
            {
                var request = context.HttpContext.Request;
                if (!request.Query.ContainsKey(Parameter) || CsvExport.IsRequested(request))
                {
                    return await next(context);
                }

                var (fields, error) = Parse(request, members);
                if (error is not null)
                {
                    return Refusal(error);
                }

                var result = await next(context);
                if (EndpointResults.ValueOf(result) is not { } value)
                {
                    return result; // a problem
                }

                var node = JsonSerializer.SerializeToNode(value, value.GetType(), json)!.AsObject();
                foreach (var record in isList ? node["items"]!.AsArray().Select(i => i!.AsObject()) : [node])
                {
                    // JSON-LD's own members (@context, @id, @type) stay: they say what the record is, not what it holds.
                    foreach (var member in record.Select(m => m.Key).Where(k => !k.StartsWith('@') && !fields!.Contains(k)).ToList())
                    {
                        record.Remove(member);
                    }
                }

                return TypedResults.Json(node, json, (result as IContentTypeHttpResult)?.ContentType);
            };
        });

    /// <summary>Documents <c>fields</c> on each operation that takes it, with the fields of its records.</summary>
    public static OpenApiOptions AddFieldSelection(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptsQueryParameters>().Any(m => m.Names.Contains(Parameter))
                || context.Description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == StatusCodes.Status200OK)?.Type is not { } answered)
            {
                return Task.CompletedTask;
            }

            var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var isList = answered.IsGenericType && answered.GetGenericTypeDefinition() == typeof(Page<>);
            var members = Members(isList ? answered.GetGenericArguments()[0] : answered, json);
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Parameter,
                In = ParameterLocation.Query,
                Description = $"Only these members of {(isList ? "each item" : "the record")}, comma-separated (400 on a name that is not one): "
                    + string.Join(", ", members.Select(m => $"`{m}`")) + "."
                    + (isList ? " With CSV, the columns of these members." : ""),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create(members.Contains("name") ? $"{members[0]},name" : members[0]),
            });
            return Task.CompletedTask;
        });
}
