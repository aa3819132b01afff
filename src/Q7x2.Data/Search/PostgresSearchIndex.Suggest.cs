namespace Q7x2.Data.Search;

/// <summary>Type-ahead over the names and aliases (weights A and B) of the PostgreSQL index.</summary>
public sealed partial class PostgresSearchIndex
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(Q7x2Db db, string prefix, string? kind, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!SearchQuery.HasWordCharacter(prefix))
        {
            return [];
        }

        // As on SQLite: candidates come from the index, in an order that puts a name or alias starting with the prefix first; the
        // final order is made where each name and alias can be looked at on its own (SearchHighlights.Suggestions). Only a name or
        // alias that holds the whole word sequence is marked (SQLite's highlight() marks phrase matches; ts_headline marks words).
        var match = TsQuery.NamePrefix(prefix);
        var rows = await PostgresReader.ReadAsync(db, $$"""
            WITH Query AS (SELECT {{match.Sql}} AS q)
            SELECT "Id", "Kind", "Name", "MarkedName", "MarkedAliases" FROM (
                SELECT s."Id", s."Kind", s."Name",
                    CASE WHEN to_tsvector('{{Configuration}}', s."Name") @@ Query.q
                        THEN ts_headline('{{Configuration}}', s."Name", Query.q, @highlight) ELSE s."Name" END AS "MarkedName",
                    (SELECT string_agg(CASE WHEN to_tsvector('{{Configuration}}', alias) @@ Query.q
                            THEN ts_headline('{{Configuration}}', alias, Query.q, @highlight) ELSE alias END, chr(31) ORDER BY n)
                        FROM unnest(string_to_array(s."Aliases", chr(31))) WITH ORDINALITY AS a(alias, n)) AS "MarkedAliases"
                FROM "SearchIndex" AS s CROSS JOIN Query
                WHERE s."Document" @@ Query.q AND ts_filter(s."Document", ARRAY['a', 'b']::"char"[]) @@ Query.q
                    AND s."Type" = 'entity' AND (@kind IS NULL OR s."Kind" = @kind)) AS c
            ORDER BY CASE WHEN left("MarkedName", 1) = @open OR strpos(chr(31) || coalesce("MarkedAliases", ''), chr(31) || @open) > 0
                    THEN 0 ELSE 1 END,
                length("Name"), "Id"
            LIMIT @candidates
            """,
            [
                .. match.Parameters, Text("@highlight", HighlightOptions), Text("@kind", kind), Text("@open", SearchMarks.Open),
                new("@candidates", NpgsqlTypes.NpgsqlDbType.Integer) { Value = Math.Max(take * 10, 200) },
            ],
            r => new SearchHighlights.SuggestionCandidate
            {
                Id = r.GetString(0), Kind = r.GetString(1), Name = r.GetString(2), MarkedName = r.GetString(3),
                MarkedAliases = r.IsDBNull(4) ? null : r.GetString(4),
            },
            ct);

        return SearchHighlights.Suggestions(rows, take);
    }
}
