using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;

namespace Q7x2.Api.Features.Entities;

internal static class GraphEndpoints
{
    private static readonly string Edges = "Edges: a fact with an entity object (subject → object, its predicate's label); an event's participant → the "
        + "event (`took part in`) and between every two participants of one event (`took part with`, in the event's order, the event as record); "
        + "an agreement's party → the agreement (`party to`) and between every two parties (`party with`); between every two subjects of one "
        + "observation (`observed with`; observations are records, not nodes); a place a border crossing connects → the crossing (`connected by`) "
        + "and a country it crosses into → the crossing (`has border crossing`); and an entity's single references: its country (`belongs to`), "
        + "the place or event it is part of (`part of`), an event's place (`took place at`) and the event an agreement was signed at (`signed at`), "
        + "with the entity as record. Each edge names its record (`{ id, kind, name }`: a fact, an observation or an entity) and the record's "
        + "fuzzy date, or null.";

    public static IServiceCollection AddEntityGraph(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Graph");
        var limits = new GraphLimits(
            section.GetValue("MaxNodes", GraphLimits.DefaultMaxNodes), section.GetValue("MaxEdges", GraphLimits.DefaultMaxEdges));
        if (limits.MaxNodes < 1 || limits.MaxEdges < 1)
        {
            throw new InvalidOperationException($"Graph:MaxNodes and Graph:MaxEdges must be at least 1 (they are {limits.MaxNodes} and {limits.MaxEdges}).");
        }

        return services.AddSingleton(limits);
    }

    public static IEndpointRouteBuilder MapEntityGraph(this IEndpointRouteBuilder routes)
    {
        var limits = routes.ServiceProvider.GetRequiredService<GraphLimits>();
        routes.MapGet("/v1/entities/{id}/graph", GetEntityGraph).ReadsAsOf().WithTags("Entities").WithName(nameof(GetEntityGraph))
            .WithSummary("Get the graph of how an entity connects to others")
            .WithDescription("Who met whom, when: the entities within `depth` hops of an entity (itself included) as nodes `{ id, kind, name }`, "
                + "and every edge between two of them `{ source, target, label, record, date }`, for network views. "
                + $"{Edges} `kind` keeps only nodes of those kinds (the walk passes only through them; the entity stays) and `from`/`to` only "
                + "edges whose record's date overlaps the range (undated ones never match a range). "
                + $"A graph has at most {limits.MaxNodes} nodes and {limits.MaxEdges} edges: a larger one is a 400 problem "
                + "saying by how much (narrow it with `depth=1`, `kind` or `from`/`to`). "
                + $"`Accept` chooses the representation: `{GraphFormats.Json}` (default), GraphML (`{GraphFormats.GraphML}`) or the JSON Graph "
                + $"Format v2 (`{GraphFormats.Jgf}`); any other `Accept` gets JSON, as every read does.")
            .WithParameterExamples(("id", "sadyr-japarov"), ("depth", 1), ("kind", "person,event"), ("from", "2025-01-01"), ("to", "2025-12-31"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DocumentRepresentations);
        return routes;
    }

    private static async Task<Results<Ok<GraphResponse>, GraphMLResult, JsonHttpResult<JgfDocument>, ProblemHttpResult>> GetEntityGraph(
        string id, [AsParameters] EntityGraphQuery query, Q7x2Db db, [FromServices] GraphLimits limits, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var outcome = await GraphReader.ReadAsync(db, id, query, limits, ct);
        if (outcome is null)
        {
            return ProblemSetup.NotFound("entity", id);
        }

        if (outcome.Graph is not { } graph)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The graph is too large.", detail: outcome.TooLarge);
        }

        return GraphFormats.Negotiate(http.Request) switch
        {
            GraphFormats.GraphML => new GraphMLResult(graph),
            GraphFormats.Jgf => TypedResults.Json(JgfDocument.Of(graph), contentType: GraphFormats.Jgf),
            _ => TypedResults.Ok(graph),
        };
    }

    /// <summary>The 200 response's other media types: GraphML (XML, so a string to a JSON Schema) and JGF.</summary>
    private static async Task DocumentRepresentations(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse { Content: { } content } ok)
        {
            return;
        }

        ok.Description = "The graph, as `Accept` asks: JSON (default), GraphML or JGF.";
        content[GraphFormats.GraphML] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "A GraphML document: a directed `graph` of `node`s (data keys `kind`, `name`) and `edge`s (data keys `label`, `record`, "
                    + "`recordKind`, `recordName`, and `date`, `dateFrom`, `dateTo` when the record is dated), in the JSON representation's order.",
            },
        };
        content[GraphFormats.Jgf] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(JgfDocument), null, ct) };
    }
}
