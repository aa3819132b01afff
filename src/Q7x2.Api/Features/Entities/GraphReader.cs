using System.Globalization;
using System.Data;
using System.Data.Common;
using Q7x2.Api.Features.Common;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

/// <summary>How large a graph may be; a larger one is refused (400) rather than read.</summary>
/// <param name="MaxNodes">The most nodes a graph may have, its entity included.</param>
/// <param name="MaxEdges">The most edges a graph may have.</param>
internal sealed record GraphLimits(int MaxNodes, int MaxEdges)
{
    public const int DefaultMaxNodes = 500;

    public const int DefaultMaxEdges = 5000;

    /// <summary>How far a graph over a maximum is counted to say by how much (at least one more than the maximum): beyond it the problem says "at least".</summary>
    public const int CountUpTo = 10_000;
}

/// <summary>A graph that fits its limits, or why it does not.</summary>
internal sealed record GraphOutcome(GraphResponse? Graph, string? TooLarge);

/// <summary>
/// Reads the graph around an entity in a bounded number of SQL commands, none of which loads more rows than the limits allow:
/// the nodes one hop away (then two), distinct, cut at one more than the nodes still allowed, then the edges between the nodes,
/// cut at one more than the edges allowed. Only a graph over a maximum is counted further, up to <see cref="GraphLimits.CountUpTo"/>.
/// One SQL text per step (the filters are parameters, so each statement is prepared once), through EF's raw command (counted,
/// logged and interrupted like every other). Every join is a CROSS JOIN, which SQLite never reorders: each read starts from the
/// given ids and looks rows up by an indexed column, whatever the statistics say (after ANALYZE of a small corpus SQLite chose to
/// scan Entities and EntityLinks instead). A record is joined before its other members, so that its date is tested before they
/// are read: a leader who took part in 30,978 events reads each event once, not each of its participants.
/// </summary>
internal static class GraphReader
{
    /// <summary>What each kind of edge reads from its source to its target (a fact reads as its predicate's label).</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LinkRole.Participant] = "took part in",
        [$"with-{LinkRole.Participant}"] = "took part with",
        [LinkRole.Party] = "party to",
        [$"with-{LinkRole.Party}"] = "party with",
        [LinkRole.Connects] = "connected by",
        [LinkRole.Country] = "has border crossing",
        ["observation"] = "observed with",
        ["country-of"] = "belongs to",
        ["part-of"] = "part of",
        ["place-of"] = "took place at",
        ["event-of"] = "signed at",
    };

    private static readonly Dictionary<string, string> Comparators = new(StringComparer.Ordinal)
    {
        ["eq"] = "=", ["gt"] = ">", ["gte"] = "≥", ["lt"] = "<", ["lte"] = "≤", ["approx"] = "≈",
    };

    /// <summary>A record of the rows the statement reads matches the range (by overlap; none undated), or there is no range.</summary>
    private static string Dated(string row, string date = "Date") =>
        $"((@from IS NULL AND @to IS NULL) OR ({row}.\"{date}From\" IS NOT NULL AND {row}.\"{date}To\" >= coalesce(@from, {row}.\"{date}To\") "
        + $"AND {row}.\"{date}From\" <= coalesce(@to, {row}.\"{date}From\")))";

    // The entities one hop from the frontier, as the edges below connect them, each lookup by an indexed column.
    private static string Near(SqlDialect sql) => $"""
        WITH Frontier(Id) AS ({sql.Values("@frontier")}),
        Near(Id) AS (
            SELECT f."ObjectId" FROM Frontier {sql.OrderedJoin} "Facts" AS f ON f."SubjectId" = Frontier.Id WHERE f."ObjectId" IS NOT NULL AND {Dated("f")}
            UNION ALL
            SELECT f."SubjectId" FROM Frontier {sql.OrderedJoin} "Facts" AS f ON f."ObjectId" = Frontier.Id WHERE {Dated("f")}
            UNION ALL
            SELECT l."TargetId" FROM Frontier {sql.OrderedJoin} "EntityLinks" AS l ON l."EntityId" = Frontier.Id {sql.OrderedJoin} "Entities" AS r ON r."Id" = l."EntityId"
            WHERE {Dated("r")}
            UNION ALL
            SELECT l."EntityId" FROM Frontier {sql.OrderedJoin} "EntityLinks" AS l ON l."TargetId" = Frontier.Id {sql.OrderedJoin} "Entities" AS r ON r."Id" = l."EntityId"
            WHERE {Dated("r")}
            UNION ALL
            SELECT o."TargetId" FROM Frontier {sql.OrderedJoin} "EntityLinks" AS l ON l."TargetId" = Frontier.Id
            {sql.OrderedJoin} "Entities" AS r ON r."Id" = l."EntityId" {sql.OrderedJoin} "EntityLinks" AS o ON o."EntityId" = l."EntityId" AND o."Role" = l."Role"
            WHERE l."Role" IN ('{LinkRole.Participant}', '{LinkRole.Party}') AND o."TargetId" <> l."TargetId" AND {Dated("r")}
            UNION ALL
            SELECT o."EntityId" FROM Frontier {sql.OrderedJoin} "ObservationSubjects" AS s ON s."EntityId" = Frontier.Id
            {sql.OrderedJoin} "Observations" AS b ON b."Id" = s."ObservationId" {sql.OrderedJoin} "ObservationSubjects" AS o ON o."ObservationId" = s."ObservationId"
            WHERE o."EntityId" <> s."EntityId" AND {Dated("b", "Period")}
            UNION ALL
            SELECT r."CountryId" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."Id" = Frontier.Id WHERE r."CountryId" IS NOT NULL AND {Dated("r")}
            UNION ALL
            SELECT r."PartOfId" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."Id" = Frontier.Id WHERE r."PartOfId" IS NOT NULL AND {Dated("r")}
            UNION ALL
            SELECT r."PlaceId" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."Id" = Frontier.Id WHERE r."PlaceId" IS NOT NULL AND {Dated("r")}
            UNION ALL
            SELECT r."EventId" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."Id" = Frontier.Id WHERE r."EventId" IS NOT NULL AND {Dated("r")}
            UNION ALL
            SELECT r."Id" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."CountryId" = Frontier.Id WHERE {Dated("r")}
            UNION ALL
            SELECT r."Id" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."PartOfId" = Frontier.Id WHERE {Dated("r")}
            UNION ALL
            SELECT r."Id" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."PlaceId" = Frontier.Id WHERE {Dated("r")}
            UNION ALL
            SELECT r."Id" FROM Frontier {sql.OrderedJoin} "Entities" AS r ON r."EventId" = Frontier.Id WHERE {Dated("r")}),
        NewNodes AS (
            SELECT DISTINCT n."Id", n."Kind", n."Name" FROM Near {sql.OrderedJoin} "Entities" AS n ON n."Id" = Near.Id
            WHERE n."Id" NOT IN ({sql.Values("@seen")})
            AND (@kinds IS NULL OR n."Kind" IN ({sql.Values("@kinds")}))
            LIMIT @cap)
        """;

    private static readonly EngineSql NodesSql = EngineSql.Of(sql => $"{Near(sql)}\nSELECT \"Id\", \"Kind\", \"Name\" FROM NewNodes");

    private static readonly EngineSql NodeCountSql = EngineSql.Of(sql => $"{Near(sql)}\nSELECT count(*) FROM NewNodes");

    // Every edge between two nodes: one UNION ALL arm per kind of edge, each a lookup from a node by an indexed column.
    // Columns: source, target, relation, predicate label, record id, kind and name, an observation's quantity, the record's date.
    private static string Between(SqlDialect sql) => $"""
        WITH Nodes(Id) AS ({sql.Values("@nodes")}),
        Edges AS (
            SELECT f."SubjectId" AS Source, f."ObjectId" AS Target, 'fact' AS Relation, p."Label" AS Predicate, f."Id" AS RecordId,
                'fact' AS RecordKind, NULL AS RecordName, CAST(NULL AS NUMERIC) AS Value, NULL AS Unit, NULL AS Comparator, {Columns("f")}
            FROM Nodes {sql.OrderedJoin} "Facts" AS f ON f."SubjectId" = Nodes.Id {sql.OrderedJoin} "Predicates" AS p ON p."Id" = f."PredicateId"
            WHERE f."ObjectId" IN (SELECT Id FROM Nodes) AND {Dated("f")}
            UNION ALL
            SELECT l."TargetId", l."EntityId", l."Role", NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "EntityLinks" AS l ON l."TargetId" = Nodes.Id {sql.OrderedJoin} "Entities" AS r ON r."Id" = l."EntityId"
            WHERE l."EntityId" IN (SELECT Id FROM Nodes) AND {Dated("r")}
            UNION ALL
            SELECT a."TargetId", b."TargetId", 'with-' || a."Role", NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "EntityLinks" AS a ON a."TargetId" = Nodes.Id
            {sql.OrderedJoin} "Entities" AS r ON r."Id" = a."EntityId" {sql.OrderedJoin} "EntityLinks" AS b ON b."EntityId" = a."EntityId" AND b."Role" = a."Role"
            WHERE a."Role" IN ('{LinkRole.Participant}', '{LinkRole.Party}') AND (b."Position", b."TargetId") > (a."Position", a."TargetId")
            AND b."TargetId" IN (SELECT Id FROM Nodes) AND {Dated("r")}
            UNION ALL
            SELECT a."EntityId", b."EntityId", 'observation', NULL, o."Id", 'observation', o."Metric", o."Value", o."Unit", o."Comparator",
                {Columns("o", "Period")}
            FROM Nodes {sql.OrderedJoin} "ObservationSubjects" AS a ON a."EntityId" = Nodes.Id
            {sql.OrderedJoin} "Observations" AS o ON o."Id" = a."ObservationId" {sql.OrderedJoin} "ObservationSubjects" AS b ON b."ObservationId" = a."ObservationId"
            WHERE (b."Position", b."EntityId") > (a."Position", a."EntityId") AND b."EntityId" IN (SELECT Id FROM Nodes) AND {Dated("o", "Period")}
            UNION ALL
            SELECT r."Id", r."CountryId", 'country-of', NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "Entities" AS r ON r."Id" = Nodes.Id WHERE r."CountryId" IN (SELECT Id FROM Nodes) AND {Dated("r")}
            UNION ALL
            SELECT r."Id", r."PartOfId", 'part-of', NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "Entities" AS r ON r."Id" = Nodes.Id WHERE r."PartOfId" IN (SELECT Id FROM Nodes) AND {Dated("r")}
            UNION ALL
            SELECT r."Id", r."PlaceId", 'place-of', NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "Entities" AS r ON r."Id" = Nodes.Id WHERE r."PlaceId" IN (SELECT Id FROM Nodes) AND {Dated("r")}
            UNION ALL
            SELECT r."Id", r."EventId", 'event-of', NULL, r."Id", r."Kind", r."Name", NULL, NULL, NULL, {Columns("r")}
            FROM Nodes {sql.OrderedJoin} "Entities" AS r ON r."Id" = Nodes.Id WHERE r."EventId" IN (SELECT Id FROM Nodes) AND {Dated("r")}),
        Cut AS (SELECT * FROM Edges LIMIT @cap)
        """;

    private static readonly EngineSql EdgesSql = EngineSql.Of(sql => $"{Between(sql)}\nSELECT * FROM Cut");

    private static readonly EngineSql EdgeCountSql = EngineSql.Of(sql => $"{Between(sql)}\nSELECT count(*) FROM Cut");

    private static string Columns(string row, string date = "Date") =>
        string.Join(", ", new[] { "Text", "From", "To", "Precision", "Qualifier", "Basis", "Note" }.Select(c => $"{row}.\"{date}{c}\""));

    /// <summary>The graph around <paramref name="id"/>, or why it is too large; null when there is no entity with that id.</summary>
    public static async Task<GraphOutcome?> ReadAsync(Q7x2Db db, string id, EntityGraphQuery query, GraphLimits limits, CancellationToken ct)
    {
        var centre = (await RecordLoader.RefsAsync(db, [id], ct)).GetValueOrDefault(id);
        if (centre is null)
        {
            return null;
        }

        var filters = new Filters(query.Kinds, query.FromDate, query.ToDate);
        var hops = new List<List<EntityRef>>();
        var seen = new List<string> { id };
        for (var hop = 1; hop <= query.Hops; hop++)
        {
            var frontier = hop == 1 ? seen : [.. hops[^1].Select(n => n.Id)];
            if (frontier.Count == 0)
            {
                break;
            }

            var allowed = limits.MaxNodes - seen.Count;
            var found = await RawSql.ReadAsync(db, NodesSql, Parameters(db, filters, List(db, "@frontier", frontier), List(db, "@seen", seen), Cap(db, allowed + 1)),
                r => new EntityRef(r.GetString(0), r.GetString(1), r.GetString(2)), ct);
            if (found.Count > allowed)
            {
                var upTo = Math.Max(GraphLimits.CountUpTo, allowed + 1);
                var more = await CountAsync(db, NodeCountSql, Parameters(db, filters, List(db, "@frontier", frontier), List(db, "@seen", seen), Cap(db, upTo)), ct);
                return new GraphOutcome(null, TooManyNodes(id, query, hop, seen.Count + more, more == upTo, limits.MaxNodes));
            }

            hops.Add([.. found.OrderBy(n => n.Name, StringComparer.Ordinal).ThenBy(n => n.Id, StringComparer.Ordinal)]);
            seen.AddRange(found.Select(n => n.Id));
        }

        var nodes = hops.SelectMany(h => h).Prepend(centre).ToList();
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var edgeParameters = Parameters(db, filters, List(db, "@nodes", seen), Cap(db, limits.MaxEdges + 1));
        var edges = await RawSql.ReadAsync(db, EdgesSql, edgeParameters, r => Edge(r, byId), ct);
        if (edges.Count > limits.MaxEdges)
        {
            var upTo = Math.Max(GraphLimits.CountUpTo, limits.MaxEdges + 1);
            var count = await CountAsync(db, EdgeCountSql, Parameters(db, filters, List(db, "@nodes", seen), Cap(db, upTo)), ct);
            return new GraphOutcome(null, TooManyEdges(id, query, nodes.Count, count, count == upTo, limits.MaxEdges));
        }

        var ordered = edges.OrderBy(e => e.Date?.From ?? DateOnly.MaxValue)
            .ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ThenBy(e => e.Label, StringComparer.Ordinal).ThenBy(e => e.Record.Id, StringComparer.Ordinal).ToList();
        return new GraphOutcome(new GraphResponse(id, query.Hops, nodes, ordered), null);
    }

    private sealed record Filters(IReadOnlyList<string>? Kinds, DateOnly? From, DateOnly? To);

    private static DbParameter List(Q7x2Db db, string name, List<string> ids) => RawSql.List(db, name, ids);

    private static DbParameter Cap(Q7x2Db db, int cap) => RawSql.Parameter(db, "@cap", cap);

    /// <summary>The filters, then the step's own; a date is text on SQLite (as EF stores it) and a <c>date</c> on PostgreSQL.</summary>
    private static DbParameter[] Parameters(Q7x2Db db, Filters filters, params DbParameter[] values) =>
    [
        RawSql.List(db, "@kinds", filters.Kinds),
        RawSql.Parameter(db, "@from", Date(db, filters.From), DbType.Date),
        RawSql.Parameter(db, "@to", Date(db, filters.To), DbType.Date),
        .. values,
    ];

    private static object? Date(Q7x2Db db, DateOnly? date) =>
        date is not { } day ? null : db.IsPostgres() ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<int> CountAsync(Q7x2Db db, EngineSql sql, DbParameter[] parameters, CancellationToken ct) =>
        (await RawSql.ReadAsync(db, sql, parameters, r => Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), ct)).Single();

    private static GraphEdgeResponse Edge(DbDataReader r, Dictionary<string, EntityRef> nodes)
    {
        var (source, target, relation) = (r.GetString(0), r.GetString(1), r.GetString(2));
        var label = relation == "fact" ? r.GetString(3) : Labels[relation];
        var name = relation switch
        {
            "fact" => $"{nodes[source].Name} {label} {nodes[target].Name}",
            "observation" => $"{r.GetString(6)} {Comparators.GetValueOrDefault(r.GetString(9), r.GetString(9))} "
                + $"{Quantity.Normalize(r.GetDecimal(7)).ToString(CultureInfo.InvariantCulture)} {r.GetString(8)}",
            _ => r.GetString(6),
        };
        return new GraphEdgeResponse(source, target, label, new GraphRecordRef(r.GetString(4), r.GetString(5), name), FuzzyDateResponse.Read(r, 10));
    }

    private static string TooManyNodes(string id, EntityGraphQuery query, int hop, int count, bool atLeast, int max) =>
        TooLarge(id, query, atLeast, count, hop < query.Hops ? "nodes within one hop (the second hop not counted)" : "nodes", max);

    private static string TooManyEdges(string id, EntityGraphQuery query, int nodes, int count, bool atLeast, int max) =>
        TooLarge(id, query, atLeast, count, string.Create(CultureInfo.InvariantCulture, $"edges between its {nodes:N0} nodes"), max);

    private static string TooLarge(string id, EntityGraphQuery query, bool atLeast, int count, string what, int max)
    {
        var some = atLeast ? "at least " : "";
        var narrow = query.Hops > 1 ? "depth=1, kind or from/to" : "kind or from/to";
        return string.Create(CultureInfo.InvariantCulture,
            $"The graph of '{id}' at depth {query.Hops} has {some}{count:N0} {what}, {some}{count - max:N0} over the maximum of {max:N0}; narrow it with {narrow}.");
    }
}
