using Q7x2.Api.Features.Common;

namespace Q7x2.Api.Features.Entities;

/// <summary>How entities connect around one entity: the entities within a number of hops and the edges between them.</summary>
/// <param name="Id">The entity the graph is centred on.</param>
/// <param name="Depth">How many hops from it the graph reaches (1 or 2).</param>
/// <param name="Nodes">The entities of the graph: the entity itself first, then those one hop away, then two, each by name and id.</param>
/// <param name="Edges">Every edge between two nodes (whose record's date overlaps `from`/`to` when given), by the record's date (undated last), source, target, label and record.</param>
public sealed record GraphResponse(string Id, int Depth, IReadOnlyList<EntityRef> Nodes, IReadOnlyList<GraphEdgeResponse> Edges);

/// <summary>One connection between two entities of a graph and the record that supports it.</summary>
/// <param name="Source">The id of the node the edge leaves.</param>
/// <param name="Target">The id of the node the edge reaches.</param>
/// <param name="Label">How it reads from source to target: a fact's predicate label ("son of"), or one of "took part in", "took part with", "party to", "party with", "observed with", "connected by", "has border crossing", "belongs to", "part of", "took place at", "signed at".</param>
/// <param name="Record">The record that supports the edge: a fact, an observation, or an entity (the event, agreement or border crossing, or the entity whose reference the edge is).</param>
/// <param name="Date">The record's date (an observation's period), or null when it has none.</param>
public sealed record GraphEdgeResponse(string Source, string Target, string Label, GraphRecordRef Record, FuzzyDateResponse? Date);

/// <summary>The record behind an edge, with enough to show it without a second call.</summary>
/// <param name="Id">The record's id: a fact's (`/v1/facts/{id}`), an observation's (`/v1/observations/{id}`) or an entity's (`/v1/entities/{id}`).</param>
/// <param name="Kind">fact, observation, or the entity's kind (event, agreement, border-crossing, person…).</param>
/// <param name="Name">A readable line: a fact's subject, predicate and object, an observation's metric and quantity, an entity's name.</param>
public sealed record GraphRecordRef(string Id, string Kind, string Name);
