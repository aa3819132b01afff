using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>Example values for an endpoint's parameters, taken from the article (shown in Swagger UI's "Try it out").</summary>
internal sealed record ParameterExamples(IReadOnlyDictionary<string, object> Values);

/// <summary>A request from the article and the API's response to it.</summary>
internal sealed record ResponseExample(string Request, JsonNode? Response);

internal static class OpenApiExamples
{
    private const string ResponsesResource = "Q7x2.Api.Infrastructure.OpenApiExamples.json";

    /// <summary>
    /// Response examples by operationId: real responses of the API to a request from the article, kept in
    /// OpenApiExamples.json. A test checks that each still equals what the API answers (and can rewrite them).
    /// </summary>
    public static IReadOnlyDictionary<string, ResponseExample> Responses { get; } = LoadResponses();

    private static Dictionary<string, ResponseExample> LoadResponses()
    {
        using var stream = typeof(OpenApiExamples).Assembly.GetManifestResourceStream(ResponsesResource)
            ?? throw new InvalidOperationException($"{ResponsesResource} is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, ResponseExample>>(stream, JsonSerializerOptions.Web) ?? [];
    }

    public static OpenApiOptions AddResponseExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is { } id && Responses.TryGetValue(id, out var example) && example.Response is not null
                && operation.Responses?.TryGetValue("200", out var ok) == true
                && (ok.Content?.TryGetValue("application/json", out var media) == true
                    || ok.Content?.Count == 1 && (media = ok.Content.Values.First()) is not null))
            {
                media.Example = example.Response.DeepClone();
                operation.Description = $"{operation.Description}\n\nExample: `GET {example.Request}`.".TrimStart();
            }

            return Task.CompletedTask;
        });

    /// <summary>Documents example values for parameters by name: <c>.WithParameterExamples(("id", "sadyr-japarov"))</c>.</summary>
    public static TBuilder WithParameterExamples<TBuilder>(this TBuilder builder, params (string Name, object Value)[] examples)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterExamples(examples.ToDictionary(e => e.Name, e => e.Value, StringComparer.OrdinalIgnoreCase)));

    /// <summary>Query parameters named as clients write them (camelCase), with their examples.</summary>
    public static OpenApiOptions AddParameterExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<ParameterExamples>().LastOrDefault();
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is { Length: > 0 } name && parameter.In == ParameterLocation.Query)
                {
                    parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
                }

                if (parameter is { Name: "id", In: ParameterLocation.Path } && string.IsNullOrEmpty(parameter.Description))
                {
                    parameter.Description = "The record's id: a stable lowercase slug, unique across kinds.";
                }

                // Date filters bind as text (so that a bad date is a validation error naming them) but are dates.
                if (parameter.Name is "from" or "to" && parameter.Schema is OpenApiSchema { Type: JsonSchemaType.String } schema)
                {
                    schema.Format = "date";
                }

                if (parameter.Name is not null && examples?.Values.TryGetValue(parameter.Name, out var value) == true)
                {
                    parameter.Example = JsonSerializer.SerializeToNode(value);
                }
            }

            return Task.CompletedTask;
        });
}
