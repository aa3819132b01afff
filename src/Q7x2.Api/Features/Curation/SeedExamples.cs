using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace Q7x2.Api.Features.Curation;

/// <summary>
/// A write's request example: a record of seed/ as the API takes it, read when the OpenAPI document is first built (parsing
/// the seed files while the endpoints are mapped would hold up every start).
/// </summary>
internal sealed class RequestExample(Func<JsonObject> read)
{
    private readonly Lazy<JsonObject> _body = new(read);

    public JsonObject Body => _body.Value;
}

/// <summary>
/// Request examples for the writes, taken from the seed files embedded in the assembly, so that Swagger UI's "Try it out"
/// sends a body the API accepts (a test sends every one).
/// </summary>
internal static class SeedExamples
{
    /// <summary>The record with this id in <c>seed/{file}</c> (under its root member <paramref name="root"/>).</summary>
    public static RequestExample Record(string file, string root, string id) => new(() => Find(file, root, id));

    /// <summary>The source with this id in <c>seed/sources.json</c>, its <c>file</c> replaced by the text it names.</summary>
    public static RequestExample Source(string id) => new(() =>
    {
        var source = Find("sources.json", "sources", id);
        source["text"] = ReadText($"seed/{(string)source["file"]!}");
        source.Remove("file");
        return source;
    });

    private static JsonObject Find(string file, string root, string id) =>
        Read(file)[root]!.AsArray().OfType<JsonObject>().Single(r => (string?)r["id"] == id).DeepClone().AsObject();

    /// <summary>Puts each write's <see cref="RequestExample"/> on its request body, for every media type it takes.</summary>
    public static OpenApiOptions AddRequestExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().LastOrDefault() is { } example
                && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values)
                {
                    media.Example = example.Body.DeepClone();
                }
            }

            return Task.CompletedTask;
        });

    private static JsonObject Read(string file) => JsonNode.Parse(ReadText($"seed/{file}"))!.AsObject();

    private static string ReadText(string name)
    {
        using var stream = typeof(SeedExamples).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
