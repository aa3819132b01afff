using System.Text;
using System.Xml;
using Microsoft.Net.Http.Headers;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;

namespace Q7x2.Api.Features.Entities;

/// <summary>The media types a graph is served as, and which one a request's <c>Accept</c> asks for.</summary>
internal static class GraphFormats
{
    public const string Json = "application/json";

    public const string GraphML = "application/graphml+xml";

    public const string Jgf = "application/vnd.jgf+json";

    private static readonly MediaTypeHeaderValue[] Offered = [new(Json), new(GraphML), new(Jgf)];

    /// <summary>The offered type the client prefers (<see cref="MediaTypes.Negotiate"/>): JSON unless GraphML or JGF is preferred.</summary>
    public static string Negotiate(HttpRequest request) => MediaTypes.Negotiate(request, Offered);
}

/// <summary>A graph as GraphML (http://graphml.graphdrawing.org/), for Gephi, yEd, Cytoscape, NetworkX and igraph.</summary>
internal sealed class GraphMLResult(GraphResponse graph) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private const string Instance = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The attributes nodes and edges carry: key id, what it is for, and its name.</summary>
    private static readonly (string Id, string For)[] Keys =
    [
        ("kind", "node"), ("name", "node"), ("label", "edge"), ("record", "edge"), ("recordKind", "edge"), ("recordName", "edge"),
        ("date", "edge"), ("dateFrom", "edge"), ("dateTo", "edge"),
    ];

    private static readonly XmlWriterSettings Settings = new() { Async = true, Encoding = new UTF8Encoding(false), Indent = true };

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => $"{GraphFormats.GraphML}; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        await using var xml = XmlWriter.Create(httpContext.Response.Body, Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "graphml", Namespace);
        await xml.WriteAttributeStringAsync("xmlns", "xsi", null, Instance);
        await xml.WriteAttributeStringAsync("xsi", "schemaLocation", Instance, $"{Namespace} {Namespace}/1.0/graphml.xsd");
        foreach (var (id, owner) in Keys)
        {
            await xml.WriteStartElementAsync(null, "key", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, id);
            await xml.WriteAttributeStringAsync(null, "for", null, owner);
            await xml.WriteAttributeStringAsync(null, "attr.name", null, id);
            await xml.WriteAttributeStringAsync(null, "attr.type", null, "string");
            await xml.WriteEndElementAsync();
        }

        await xml.WriteStartElementAsync(null, "graph", Namespace);
        await xml.WriteAttributeStringAsync(null, "id", null, graph.Id);
        await xml.WriteAttributeStringAsync(null, "edgedefault", null, "directed");
        foreach (var node in graph.Nodes)
        {
            await xml.WriteStartElementAsync(null, "node", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, node.Id);
            await DataAsync(xml, "kind", node.Kind);
            await DataAsync(xml, "name", node.Name);
            await xml.WriteEndElementAsync();
        }

        var number = 0;
        foreach (var edge in graph.Edges)
        {
            await xml.WriteStartElementAsync(null, "edge", Namespace);
            await xml.WriteAttributeStringAsync(null, "id", null, $"e{number++}");
            await xml.WriteAttributeStringAsync(null, "source", null, edge.Source);
            await xml.WriteAttributeStringAsync(null, "target", null, edge.Target);
            await DataAsync(xml, "label", edge.Label);
            await DataAsync(xml, "record", edge.Record.Id);
            await DataAsync(xml, "recordKind", edge.Record.Kind);
            await DataAsync(xml, "recordName", edge.Record.Name);
            if (edge.Date is { } date)
            {
                await DataAsync(xml, "date", date.Text);
                await DataAsync(xml, "dateFrom", date.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                await DataAsync(xml, "dateTo", date.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task DataAsync(XmlWriter xml, string key, string value)
    {
        await xml.WriteStartElementAsync(null, "data", Namespace);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteStringAsync(value);
        await xml.WriteEndElementAsync();
    }
}

/// <summary>A graph in the JSON Graph Format, version 2 (https://jsongraphformat.info/): one directed graph.</summary>
/// <param name="Graph">The graph.</param>
public sealed record JgfDocument(JgfGraph Graph)
{
    internal static JgfDocument Of(GraphResponse graph) => new(new JgfGraph(
        graph.Id,
        graph.Nodes[0].Name,
        true,
        new JgfGraphMetadata(graph.Depth),
        graph.Nodes.ToDictionary(n => n.Id, n => new JgfNode(n.Name, new JgfNodeMetadata(n.Kind)), StringComparer.Ordinal),
        [.. graph.Edges.Select(e => new JgfEdge(e.Source, e.Target, e.Label, new JgfEdgeMetadata(e.Record, e.Date)))]));
}

/// <summary>A JGF graph: the entity's id and name, its nodes by id, and its edges.</summary>
/// <param name="Id">The id of the entity the graph is centred on.</param>
/// <param name="Label">The entity's name.</param>
/// <param name="Directed">Always true: an edge reads from source to target.</param>
/// <param name="Metadata">How far the graph reaches.</param>
/// <param name="Nodes">The nodes by entity id, the entity itself first.</param>
/// <param name="Edges">The edges, as the JSON representation orders them.</param>
public sealed record JgfGraph(
    string Id, string Label, bool Directed, JgfGraphMetadata Metadata, IReadOnlyDictionary<string, JgfNode> Nodes, IReadOnlyList<JgfEdge> Edges);

/// <summary>What a JGF graph says about itself.</summary>
/// <param name="Depth">How many hops from the entity the graph reaches (1 or 2).</param>
public sealed record JgfGraphMetadata(int Depth);

/// <summary>A JGF node: an entity.</summary>
/// <param name="Label">The entity's name.</param>
/// <param name="Metadata">The entity's kind.</param>
public sealed record JgfNode(string Label, JgfNodeMetadata Metadata);

/// <summary>What a JGF node carries besides its label.</summary>
/// <param name="Kind">person, country, place, organization, event, agreement or border-crossing.</param>
public sealed record JgfNodeMetadata(string Kind);

/// <summary>A JGF edge: how its source connects to its target.</summary>
/// <param name="Source">The id of the node the edge leaves.</param>
/// <param name="Target">The id of the node the edge reaches.</param>
/// <param name="Relation">How it reads from source to target (the JSON representation's `label`).</param>
/// <param name="Metadata">The record behind the edge and its date.</param>
public sealed record JgfEdge(string Source, string Target, string Relation, JgfEdgeMetadata Metadata);

/// <summary>What a JGF edge carries besides its relation.</summary>
/// <param name="Record">The record that supports the edge: a fact, an observation or an entity.</param>
/// <param name="Date">The record's date (an observation's period), or null when it has none.</param>
public sealed record JgfEdgeMetadata(GraphRecordRef Record, FuzzyDateResponse? Date);
