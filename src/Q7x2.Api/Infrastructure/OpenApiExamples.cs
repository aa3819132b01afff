using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>Example values for an endpoint's parameters, taken from the article (shown in Swagger UI's "Try it out").</summary>
internal sealed record ParameterExamples(IReadOnlyDictionary<string, object> Values);

internal static class OpenApiExamples
{
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

                if (parameter.Name is not null && examples?.Values.TryGetValue(parameter.Name, out var value) == true)
                {
                    parameter.Example = JsonSerializer.SerializeToNode(value);
                }
            }

            return Task.CompletedTask;
        });
}
