using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// The HTTP headers of the contract, in the document and not only in prose, so that generated clients type them: the
/// <c>If-Match</c> every conditional write requires (428 without it, 412 when stale) and the <c>If-None-Match</c> a read
/// answers with 304; the <c>ETag</c> of every representation, the <c>Location</c> of a created record, the <c>Link</c> of a
/// list's next page, the headers of a 429, and the <c>Dataset-Version</c> of every read. The generative contract test checks that
/// each answer carries what its response documents.
/// </summary>
internal static class OpenApiHeaders
{
    public static OpenApiOptions AddHttpHeaders(this OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var (path, item) in document.Paths)
            {
                if (!path.StartsWith("/v1", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var (method, operation) in item.Operations ?? [])
                {
                    Describe(path, method, operation);
                }
            }

            return Task.CompletedTask;
        });

    private static void Describe(string path, HttpMethod method, OpenApiOperation operation)
    {
        var responses = operation.Responses ?? [];
        if (method == HttpMethod.Get && responses.ContainsKey("304"))
        {
            Parameter(operation, "If-None-Match", required: false,
                "The ETag of a representation the client holds: 304 Not Modified, with no body, while it is still current.",
                "\"GPgoFM72KJZirOaJeqUiz5xx2ad\"");
        }

        if (method != HttpMethod.Get && method != HttpMethod.Post && responses.ContainsKey("428"))
        {
            Parameter(operation, "If-Match", required: true,
                "The ETag of the record's current representation, from its GET (any of its representations: the default, or `embed=none`). "
                + "Without it the answer is 428; with an ETag that is no longer current (someone changed the record since), 412.",
                "\"GPgoFM72KJZirOaJeqUiz5xx2ad\"");
        }

        if (responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
        {
            if (method == HttpMethod.Get && path != "/v1/export")
            {
                Header(okResponse, "Dataset-Version", "The dataset version: the latest change-feed position (also with `asOf`, which says what the body answers for).");
            }

            if (path == "/v1/export")
            {
                Header(okResponse, "Dataset-Version", "The dataset version (change-feed position) the dump was read at.");
                Header(okResponse, "Content-Disposition", "`attachment` with the dump's file name.");
            }
            else if (method != HttpMethod.Delete)
            {
                Header(okResponse, "ETag", "The representation's entity tag (strong): send it as `If-None-Match` to revalidate"
                    + (method == HttpMethod.Get ? "" : ", or as `If-Match` to change the record again") + ". Not sent on a streamed CSV export.");
                if (okResponse.Content?.Values.Any(c => c.Schema is { } schema && IsPage(schema)) == true)
                {
                    Header(okResponse, "Link", "`<…>; rel=\"next\"`: the URL of the next page, when there is one (as `next` in the body).");
                }
            }
        }

        if (responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            Header(createdResponse, "Location", "The URL of the new record.");
            Header(createdResponse, "ETag", "The new record's entity tag: send it as `If-Match` to change it.");
        }

        if (responses.TryGetValue("429", out var limited) && limited is OpenApiResponse limitedResponse)
        {
            Header(limitedResponse, "Retry-After", "Seconds until the budget allows another request.");
            Header(limitedResponse, "RateLimit", "Where the client stands in its budget (draft-ietf-httpapi-ratelimit-headers).");
            Header(limitedResponse, "RateLimit-Policy", "The budget: its name, permits (`q`) and window in seconds (`w`).");
        }
    }

    /// <summary>A page of a list (<c>items</c> and <c>next</c>), whose next page is also linked in the <c>Link</c> header.</summary>
    private static bool IsPage(IOpenApiSchema schema) =>
        schema.Properties is { } properties && properties.ContainsKey("next") && properties.ContainsKey("items");

    private static void Parameter(OpenApiOperation operation, string name, bool required, string description, string example)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Header))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create(example),
        });
    }

    private static void Header(OpenApiResponse response, string name, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}
