using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Makes the document say exactly what the API does: parameters the validators require are required, a nullable member
/// is <c>anyOf: [null, …]</c> (a <c>oneOf</c> whose branches overlap rejects every null), and every read documents the
/// 304 its <c>If-None-Match</c> gets and the 400 its unknown query parameters get; every operation under /v1 documents the
/// 429 of its rate limit and the 503 of the request timeout.
/// </summary>
internal static class OpenApiContract
{
    /// <summary>Query parameters the operation's validator requires, by operationId.</summary>
    private static readonly Dictionary<string, string[]> RequiredParameters = new(StringComparer.Ordinal)
    {
        ["Search"] = ["q"],
        ["Suggest"] = ["prefix"],
    };

    public static OpenApiOptions AddContract(this OpenApiOptions options)
    {
        // Any JSON value (a revision's record before and after, a JSON-LD answer) stays inline: a component named after .NET's
        // JsonElement or JsonObject would give generated clients a model of that name that holds nothing.
        options.CreateSchemaReferenceId = type =>
            (Nullable.GetUnderlyingType(type.Type) ?? type.Type) is var t && (t == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(t))
                ? null
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is { } id && RequiredParameters.TryGetValue(id, out var names))
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => names.Contains(p.Name)))
                {
                    parameter.Required = true;
                }
            }

            return Task.CompletedTask;
        }).AddDocumentTransformer((document, _, _) =>
        {
            var responses = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).Select(o => o.Responses).ToList();
            var badRequest = responses.Select(r => r?.GetValueOrDefault("400")).FirstOrDefault(r => r is not null);
            var problem = responses.Select(r => r?.GetValueOrDefault("404")).FirstOrDefault(r => r is not null)?.Content;
            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item.Operations ?? [])
                {
                    operation.Responses ??= [];
                    if (badRequest is not null)
                    {
                        operation.Responses.TryAdd("400", badRequest);
                    }

                    if (path.StartsWith("/v1", StringComparison.Ordinal) && problem is not null)
                    {
                        operation.Responses.TryAdd("429", new OpenApiResponse
                        {
                            Description = "Too Many Requests: the client's budget (reads, search or writes) is used up; `Retry-After` says when to try again, "
                                + "`RateLimit` and `RateLimit-Policy` where the client stands.",
                            Content = problem,
                        });
                        operation.Responses.TryAdd("503", new OpenApiResponse
                        {
                            Description = "Service Unavailable: the request ran longer than the server's request timeout and was stopped.",
                            Content = problem,
                        });
                    }

                    // The dump is streamed with no ETag, so it never answers 304.
                    if (method == HttpMethod.Get && path.StartsWith("/v1", StringComparison.Ordinal) && path != "/v1/export" && operation.Responses.ContainsKey("200"))
                    {
                        operation.Responses.TryAdd("304", new OpenApiResponse
                        {
                            Description = "Not Modified: the representation still has the ETag sent in If-None-Match.",
                        });
                    }
                }
            }

            foreach (var schema in (document.Components?.Schemas?.Values ?? []).OfType<OpenApiSchema>())
            {
                AnyOfForNullable(schema);
            }

            return Task.CompletedTask;
        });
    }

    private static void AnyOfForNullable(OpenApiSchema schema)
    {
        if (schema.OneOf is { Count: > 1 } branches && branches.Any(b => b is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = branches;
            schema.OneOf = null;
        }

        foreach (var nested in (schema.Properties?.Values ?? []).Concat(schema.AnyOf ?? []).Append(schema.Items).OfType<OpenApiSchema>())
        {
            AnyOfForNullable(nested);
        }
    }
}
