using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>
/// How SQLite runs one read (<c>EXPLAIN QUERY PLAN</c> with the read's own parameter values), and what in it would not stay
/// fast as the corpus grows. The rule:
/// <list type="bullet">
/// <item>A <c>SCAN</c> of a table that grows with the corpus (<see cref="GrowingTables"/>) must read an index
/// (<c>SCAN t USING [COVERING] INDEX</c>: rows in the order a page wants, cut by its LIMIT, or a count read from an index);
/// a bare <c>SCAN t</c> reads the whole table.</item>
/// <item>No automatic index on such a table: SQLite builds it by scanning the table, per statement.</item>
/// <item>A temporary B-tree (<c>USE TEMP B-TREE FOR …</c>, a sort or a de-duplication) must only ever hold a page of rows:
/// the rows it sorts come from a lookup of one row by its id, from lookups by a list of ids the query was given (the ids of a
/// page, passed as one <c>json_each</c> parameter), or from a subquery that a LIMIT cut to a page (EF's split includes).
/// A sort whose rows come from an index range of the table (all facts of an entity, all events of a year) grows with the
/// corpus and fails.</item>
/// <item>One documented exception: ranked search sorts the FTS5 matches of its words by score (FTS5 is the index; no index
/// can hold a BM25 order). What it sorts grows with the matches of the query, not with the tables above.</item>
/// </list>
/// </summary>
internal sealed partial class QueryPlan
{
    public static readonly IReadOnlySet<string> GrowingTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "Entities", "EntityAliases", "EntityLinks", "Evidence", "Facts", "Observations", "ObservationSubjects", "Sources",
    };

    private readonly string _sql;
    private readonly List<Row> _rows;
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lists = new(StringComparer.Ordinal) { "json_each" };

    private QueryPlan(string sql, List<Row> rows)
    {
        _sql = sql;
        _rows = rows;
        foreach (Match m in TableAlias().Matches(sql))
        {
            _tables[m.Groups["alias"].Value] = m.Groups["table"].Value;
        }

        foreach (Match m in SourceAlias().Matches(sql))
        {
            _sources[m.Groups["alias"].Value] = m.Groups["source"].Value;
        }

        foreach (var table in GrowingTables)
        {
            _tables.TryAdd(table, table);
        }

        foreach (Match m in ListAlias().Matches(sql))
        {
            _lists.Add(m.Groups["alias"].Value);
        }
    }

    private sealed record Row(int Id, int Parent, string Detail);

    public static QueryPlan Explain(SqliteConnection connection, RecordedCommand command)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<Row>();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }

        return new QueryPlan(command.Sql, rows);
    }

    /// <summary>
    /// What in the plan breaks the rule; empty when nothing does. For a read that filters (<paramref name="filtered"/>), a
    /// <c>SCAN</c> of a growing table even through an index breaks it too: it walks the table in the sort's order and drops
    /// the rows the filter does not match, so the rows it visits before a page is full grow with the corpus (a rare value,
    /// or a value whose rows sort late, costs a walk of the whole table).
    /// </summary>
    public IReadOnlyList<string> Violations(bool filtered = false)
    {
        var violations = new List<string>();
        foreach (var row in _rows)
        {
            if (Loop().Match(row.Detail) is { Success: true } loop && Table(loop.Groups["name"].Value) is { } table)
            {
                var rest = loop.Groups["rest"].Value;
                if (loop.Groups["op"].Value == "SCAN" && !rest.Contains(" USING ", StringComparison.Ordinal))
                {
                    violations.Add($"'{row.Detail}' reads every row of {table}");
                }
                else if (filtered && loop.Groups["op"].Value == "SCAN")
                {
                    violations.Add($"'{row.Detail}' walks {table} in the sort's order and drops the rows the filter does not match");
                }

                if (rest.Contains("AUTOMATIC", StringComparison.Ordinal))
                {
                    violations.Add($"'{row.Detail}' builds an index on {table} by reading all of it");
                }
            }

            if (row.Detail.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal) && !Bounded(row.Parent))
            {
                violations.Add($"'{row.Detail}' sorts rows that are not cut to a page ({string.Join("; ", DrivingLoops(row.Parent).Select(r => r.Detail))})");
            }
        }

        return violations;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        void Write(int parent, string indent)
        {
            foreach (var row in _rows.Where(r => r.Parent == parent))
            {
                text.Append(indent).Append(row.Detail).Append('\n');
                Write(row.Id, indent + "  ");
            }
        }

        Write(0, "  ");
        return text.ToString();
    }

    private string? Table(string name) => _tables.TryGetValue(name, out var table) && GrowingTables.Contains(table) ? table : null;

    /// <summary>The outermost loop of each query at this level of the plan (of each part of a compound query).</summary>
    private IEnumerable<Row> DrivingLoops(int parent)
    {
        var level = _rows.Where(r => r.Parent == parent).ToList();
        if (level.FirstOrDefault(r => Loop().IsMatch(r.Detail) || r.Detail == "MULTI-INDEX OR") is { } first)
        {
            // An OR of index lookups: each of them feeds the loop.
            return first.Detail == "MULTI-INDEX OR" ? _rows.Where(r => r.Parent == first.Id).SelectMany(r => DrivingLoops(r.Id)) : [first];
        }

        return level.Where(r => !r.Detail.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal)).SelectMany(r => DrivingLoops(r.Id));
    }

    private bool Bounded(int parent)
    {
        var loops = DrivingLoops(parent).ToList();
        return loops.Count > 0 && loops.All(Bounded);
    }

    private bool Bounded(Row loop)
    {
        var m = Loop().Match(loop.Detail);
        var (name, rest) = (m.Groups["name"].Value, m.Groups["rest"].Value);
        if (KeyLookup().IsMatch(rest) || _lists.Contains(name) || Fts5Match().IsMatch(loop.Detail))
        {
            return true;
        }

        // Lookups by each id of a list: SEARCH t USING INDEX ix (col=?) beside the LIST SUBQUERY that reads the list.
        if (m.Groups["op"].Value == "SEARCH" && EqualityOnly().IsMatch(rest)
            && _rows.Any(r => r.Parent == loop.Parent && r.Detail.StartsWith("LIST SUBQUERY", StringComparison.Ordinal) && ReadsList(r.Id)))
        {
            return true;
        }

        if (Table(name) is not null || _tables.ContainsKey(name))
        {
            return false;
        }

        // A subquery or CTE (by its alias or its name): cut to a page by its LIMIT, or itself made of bounded lookups.
        var source = _sources.GetValueOrDefault(name, name);
        return CutByLimit(name.Trim('"')) || CutByLimit(source)
            || _rows.FirstOrDefault(r => r.Detail is var d && (d == $"CO-ROUTINE {name}" || d == $"MATERIALIZE {name}"
                || d == $"CO-ROUTINE {source}" || d == $"MATERIALIZE {source}")) is { } node && Bounded(node.Id);
    }

    private bool ReadsList(int parent) => _rows.Where(r => r.Parent == parent).Any(r =>
        (Loop().Match(r.Detail) is { Success: true } m && (_lists.Contains(m.Groups["name"].Value) || Bounded(r))) || ReadsList(r.Id));

    /// <summary>Whether the subquery aliased <paramref name="alias"/>, or the CTE of that name, ends with a LIMIT.</summary>
    private bool CutByLimit(string alias)
    {
        var subquery = new Regex($@"\)\s*AS\s+""?{Regex.Escape(alias)}""?(?!\w)").Match(_sql);
        if (subquery.Success && Body(subquery.Index, backwards: true) is { } body && EndsWithLimit().IsMatch(body))
        {
            return true;
        }

        var cte = new Regex($@"(?<!\w){Regex.Escape(alias)}(?:\([^)]*\))?\s+AS\s+(?:(?:NOT\s+)?MATERIALIZED\s+)?\(").Match(_sql);
        return cte.Success && Body(cte.Index + cte.Length - 1, backwards: false) is { } cteBody && EndsWithLimit().IsMatch(cteBody);
    }

    /// <summary>The text inside the parentheses that open (or close, going backwards) at <paramref name="at"/>.</summary>
    private string? Body(int at, bool backwards)
    {
        var depth = 0;
        for (var i = at; i >= 0 && i < _sql.Length; i += backwards ? -1 : 1)
        {
            depth += _sql[i] switch { '(' => backwards ? -1 : 1, ')' => backwards ? 1 : -1, _ => 0 };
            if (depth == 0)
            {
                return backwards ? _sql[(i + 1)..at] : _sql[(at + 1)..i];
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<op>SCAN|SEARCH) (?<name>\(subquery-\d+\)|\S+)(?<rest>.*)$")]
    private static partial Regex Loop();

    [GeneratedRegex(@"""(?<table>[A-Za-z]+)""\s+AS\s+""?(?<alias>\w+)""?")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""?(?<source>\w+)""?\s+AS\s+""?(?<alias>\w+)""?")]
    private static partial Regex SourceAlias();

    [GeneratedRegex(@"json_each\([^)]*\)\s+AS\s+""?(?<alias>\w+)""?|(?<alias>\w+)(?:\([^)]*\))?\s+AS\s+(?:MATERIALIZED\s+)?\(\s*SELECT\s+value\s+FROM\s+json_each")]
    private static partial Regex ListAlias();

    [GeneratedRegex(@"USING (?:COVERING )?INDEX sqlite_autoindex_\w+_1 \(Id=\?\)$|USING INTEGER PRIMARY KEY \(rowid=\?\)$")]
    private static partial Regex KeyLookup();

    [GeneratedRegex(@"\((?:\w+=\? AND )*\w+=\?\)$")]
    private static partial Regex EqualityOnly();

    [GeneratedRegex(@"^SCAN SearchIndex VIRTUAL TABLE INDEX \d+:M")]
    private static partial Regex Fts5Match();

    [GeneratedRegex(@"LIMIT\s+[@$:]?\w+\s*$")]
    private static partial Regex EndsWithLimit();
}
