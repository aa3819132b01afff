using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Entities, facts and observations as JSON-LD (<c>Accept: application/ld+json</c>): the JSON a client gets anyway, with
/// <c>@context</c> (<see cref="ContextPath"/>, self-contained: it needs no other context over the network), and an
/// <c>@id</c> (the record's URL) and schema.org <c>@type</c> on every record and every reference to one, at any depth. A list is
/// a schema.org ItemList whose <c>items</c> are its elements. Every member maps to an IRI (schema.org or W3C Web Annotation
/// terms where they mean the same, the API's own vocabulary otherwise), so that expansion keeps all of it.
/// </summary>
internal static class JsonLd
{
    public const string MediaType = "application/ld+json";

    public const string ContextPath = "/v1/context.jsonld";

    /// <summary>The API's own terms: a URN, stable whatever host serves the API.</summary>
    public const string Vocabulary = "urn:q7x2:vocab:";

    private static readonly MediaTypeHeaderValue[] Offered = [new("application/json"), new(MediaType)];

    /// <summary>Each kind of record: its collection under /v1 and its type.</summary>
    private static readonly Dictionary<string, (string Collection, string Type)> Kinds = new(StringComparer.Ordinal)
    {
        ["person"] = ("people", "Person"),
        ["country"] = ("countries", "Country"),
        ["place"] = ("places", "Place"),
        ["organization"] = ("organizations", "Organization"),
        ["event"] = ("events", "Event"),
        ["agreement"] = ("agreements", "Agreement"),
        ["border-crossing"] = ("border-crossings", "BorderCrossing"),
        ["fact"] = ("facts", "Fact"),
        ["observation"] = ("observations", "Observation"),
    };

    /// <summary>The context document: types and the terms that have a standard meaning; <c>@vocab</c> takes the rest.</summary>
    public static readonly JsonObject Context = new()
    {
        ["@context"] = new JsonObject
        {
            ["@version"] = 1.1,
            ["@vocab"] = Vocabulary,
            ["schema"] = "https://schema.org/",
            ["oa"] = "http://www.w3.org/ns/oa#",
            ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            ["Person"] = "schema:Person",
            ["Country"] = "schema:Country",
            ["Place"] = "schema:Place",
            ["Organization"] = "schema:Organization",
            ["Event"] = "schema:Event",
            ["Agreement"] = $"{Vocabulary}Agreement",
            ["BorderCrossing"] = $"{Vocabulary}BorderCrossing",
            ["Fact"] = "schema:Claim",
            ["Observation"] = "schema:Observation",
            ["ItemList"] = "schema:ItemList",
            ["id"] = "schema:identifier",
            ["name"] = "schema:name",
            ["description"] = "schema:description",
            ["items"] = new JsonObject { ["@id"] = "schema:itemListElement", ["@container"] = "@list" },
            ["participants"] = new JsonObject { ["@id"] = "schema:attendee", ["@container"] = "@list" },
            ["from"] = new JsonObject { ["@id"] = "schema:startDate", ["@type"] = "xsd:date" },
            ["to"] = new JsonObject { ["@id"] = "schema:endDate", ["@type"] = "xsd:date" },
            ["value"] = "schema:value",
            ["unit"] = "schema:unitText",
            ["exact"] = "oa:exact",
            ["prefix"] = "oa:prefix",
            ["suffix"] = "oa:suffix",
            ["start"] = new JsonObject { ["@id"] = "oa:start", ["@type"] = "xsd:nonNegativeInteger" },
            ["end"] = new JsonObject { ["@id"] = "oa:end", ["@type"] = "xsd:nonNegativeInteger" },
        },
    };

    /// <summary>Whether the client prefers JSON-LD to JSON.</summary>
    public static bool IsRequested(HttpRequest request) => MediaTypes.Negotiate(request, Offered) == MediaType;

    /// <summary>Serves the record or list as JSON-LD when asked; documents <c>application/ld+json</c> next to JSON.</summary>
    public static RouteHandlerBuilder ProducesJsonLd(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new JsonLdRepresentation())
        .AddEndpointFilterFactory((factory, next) =>
        {
            var json = factory.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            return async context =>
            {
                var request = context.HttpContext.Request;
                if (CsvExport.IsRequested(request) || !IsRequested(request))
                {
                    return await next(context);
                }

                var result = await next(context);
                if (EndpointResults.ValueOf(result) is not { } value)
                {
                    return result; // a problem
                }

                var node = JsonSerializer.SerializeToNode(value, value.GetType(), json)!.AsObject();
                var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
                return TypedResults.Json(Describe(node, origin, $"{origin}{request.Path}{request.QueryString}"), json, $"{MediaType}; charset=utf-8");
            };
        });

    /// <summary>A record, or a list (with <c>items</c>), with its context and every record in it identified and typed.</summary>
    public static JsonObject Describe(JsonObject node, string origin, string url)
    {
        var described = new JsonObject { ["@context"] = origin + ContextPath };
        if (node["items"] is JsonArray)
        {
            described["@id"] = url;
            described["@type"] = "ItemList";
        }

        foreach (var (name, member) in Identified(node, origin).ToList())
        {
            node.Remove(name);
            described[name] = member;
        }

        return described;
    }

    /// <summary>Adds <c>@id</c> and <c>@type</c> to every record and reference, depth first; returns the object's members, the new ones first.</summary>
    private static JsonObject Identified(JsonObject node, string origin)
    {
        foreach (var child in node.Select(m => m.Value).ToList())
        {
            switch (child)
            {
                case JsonObject o:
                    Identified(o, origin);
                    break;
                case JsonArray a:
                    foreach (var item in a.OfType<JsonObject>())
                    {
                        Identified(item, origin);
                    }

                    break;
            }
        }

        if (node["id"] is JsonValue id && id.TryGetValue<string>(out var slug) && KindOf(node) is { } kind && Kinds.TryGetValue(kind, out var known))
        {
            var members = node.ToList();
            node.Clear();
            node["@id"] = $"{origin}/v1/{known.Collection}/{Uri.EscapeDataString(slug)}";
            node["@type"] = known.Type;
            foreach (var (name, value) in members)
            {
                node[name] = value;
            }
        }

        return node;
    }

    /// <summary>An object's kind: its <c>kind</c>, or fact or observation by their members (which carry no kind).</summary>
    private static string? KindOf(JsonObject node) =>
        node["kind"] is JsonValue kind && kind.TryGetValue<string>(out var named) ? named
        : node.ContainsKey("predicate") && node.ContainsKey("subject") ? "fact"
        : node.ContainsKey("metric") && node.ContainsKey("unit") ? "observation"
        : null;

    public static IEndpointRouteBuilder MapJsonLdContext(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ContextPath, GetJsonLdContext).WithTags("Linked data").WithName(nameof(GetJsonLdContext))
            .WithSummary("The JSON-LD context")
            .WithDescription("The `@context` of every JSON-LD answer (`Accept: application/ld+json` on entities, facts and observations): schema.org "
                + "types (Person, Country, Place, Organization, Event, Claim for a fact, Observation, ItemList), the terms with a standard meaning "
                + "(schema.org, W3C Web Annotation), and `@vocab` " + Vocabulary + " for the API's own. Self-contained: it imports no other context.")
            .Produces<JsonObject>(StatusCodes.Status200OK, MediaType);
        return routes;
    }

    private static JsonHttpResult<JsonObject> GetJsonLdContext() => TypedResults.Json(Context, contentType: $"{MediaType}; charset=utf-8");

    /// <summary>Documents <c>application/ld+json</c> in the 200 of the operations that serve it.</summary>
    public static OpenApiOptions AddJsonLd(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonLdRepresentation>().Any()
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok?.Content is { } content)
            {
                content[MediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "The JSON answer with `@context` (" + ContextPath + "), and `@id` and `@type` on every record and reference; a list is an ItemList.",
                    },
                };
            }

            return Task.CompletedTask;
        });
}

/// <summary>Marks an operation that serves JSON-LD too.</summary>
internal sealed record JsonLdRepresentation;
