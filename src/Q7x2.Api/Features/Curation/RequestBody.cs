using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Q7x2.Data.Text;

namespace Q7x2.Api.Features.Curation;

/// <summary>Reading write bodies: at most 1 MiB, JSON or JSON Merge Patch (RFC 7396), into the curated shapes.</summary>
internal static class RequestBody
{
    public const long MaxBytes = 1024 * 1024;
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>The curated shapes, read as the seed files are (camelCase, case-sensitive, unknown properties rejected), but
    /// leniently about missing ones, so that the validators can report every missing field at once.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The body as a JSON object, or the problem (413, 415, 400) that answers the request.</summary>
    public static async Task<(JsonObject? Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string mediaType, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: $"This operation takes {mediaType}; the request sent '{request.ContentType}'."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return (null, TooLarge());
            }
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray(), documentOptions: Strict) is JsonObject body
                ? (body, null)
                : (null, Invalid("$", "The body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Invalid(e.Path ?? "$", e.LineNumber is { } line
                ? $"The body is not valid JSON (line {line + 1}, byte {e.BytePositionInLine + 1})."
                : "The body is not valid JSON here: a member may be given only once."));
        }
    }

    /// <summary>Bodies are read whole and strictly: a member given twice is an error, not a last-one-wins.</summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// RFC 7396: objects merge recursively, null removes a member, anything else replaces it. The target is a whole
    /// curated shape, which writes every member; a null for a name it lacks is kept, so that reading the result rejects
    /// that name as unknown instead of ignoring it (<c>{"Name": null}</c> is a mistake, not a no-op).
    /// </summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null && result.ContainsKey(name))
            {
                result.Remove(name);
            }
            else if (value is null)
            {
                result[name] = null;
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }

    /// <summary>The body in its curated shape, or a validation problem naming the JSON path that does not fit.</summary>
    public static (T? Value, ProblemHttpResult? Problem) Deserialize<T>(JsonObject body)
        where T : class
    {
        var errors = new List<(string Path, string Reason)>();
        CheckMembers(Options.GetTypeInfo(typeof(T)), body, "", errors);
        if (errors.Count > 0)
        {
            return (null, Invalid(errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray())));
        }

        try
        {
            return (body.Deserialize<T>(Options), null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(e.Path ?? "$", $"The value {JsonReasons.For(e, Options.GetTypeInfo(typeof(T)), JsonSerializer.SerializeToElement(body, Options))}."));
        }
    }

    /// <summary>
    /// Member names the shape does not know (names are case-sensitive) and null list elements, anywhere in the body, keyed
    /// by their JSON path as sent (<c>Name</c>, <c>aliases[0]</c>, <c>evidence[1]</c>): all of them, before reading it.
    /// </summary>
    private static void CheckMembers(JsonTypeInfo shape, JsonObject body, string prefix, List<(string Path, string Reason)> errors)
    {
        foreach (var (name, value) in body)
        {
            var member = shape.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (member is null)
            {
                var near = shape.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
                errors.Add(($"{prefix}{name}", near is null
                    ? $"'{name}' is not a member of this body."
                    : $"'{name}' is not a member of this body; member names are case-sensitive: '{near.Name}'."));
            }
            else
            {
                CheckValue(Options.GetTypeInfo(member.PropertyType), value, $"{prefix}{name}", errors);
            }
        }
    }

    private static void CheckValue(JsonTypeInfo shape, JsonNode? value, string path, List<(string Path, string Reason)> errors)
    {
        if (value is JsonObject member && shape.Kind == JsonTypeInfoKind.Object)
        {
            CheckMembers(shape, member, $"{path}.", errors);
        }
        else if (value is JsonArray list && shape is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType })
        {
            var element = Options.GetTypeInfo(elementType);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null)
                {
                    errors.Add(($"{path}[{i}]", "A list element cannot be null."));
                }
                else
                {
                    CheckValue(element, list[i], $"{path}[{i}]", errors);
                }
            }
        }
    }

    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request body is invalid." });

    private static ProblemHttpResult Invalid(string path, string reason) =>
        Invalid(new Dictionary<string, string[]> { [Key(path)] = [reason] });

    /// <summary>A JSON path such as <c>$.evidence[0].exact</c> as an error key: <c>evidence[0].exact</c> (<c>$</c> for the whole body).</summary>
    public static string Key(string path) => path == "$" ? "$" : JsonNames.CamelPath(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path);

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large.", detail: $"Write bodies are limited to {MaxBytes} bytes (1 MiB).");
}
