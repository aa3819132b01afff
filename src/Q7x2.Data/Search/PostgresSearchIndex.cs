using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Q7x2.Data.Search;

/// <summary>
/// Search on PostgreSQL text search. The <c>SearchIndex</c> table (with a stored, weighted tsvector under a GIN index) and the
/// <c>SearchDocuments</c> view that says what each record contributes to it are made by the SearchIndex migration, outside the EF
/// model. Ranking mirrors SQLite's: names over aliases over descriptions and notes over evidence quotes, plus a names-only term.
/// </summary>
public sealed partial class PostgresSearchIndex : ISearchIndex
{
    private const string Configuration = TsQuery.Configuration;

    /// <summary>
    /// ts_rank's weights, in its order {D, C, B, A}: quotes 1, body 2, aliases 3, name 4 as on SQLite, scaled to at most 1 (its limit).
    /// </summary>
    private const string Weights = "ARRAY[0.25, 0.5, 0.75, 1.0]::real[]";

    /// <summary>About SQLite's snippet of 16 tokens: PostgreSQL's headline shows the best cover of the query, 8 to 16 words.</summary>
    private static readonly string SnippetOptions =
        $"StartSel={SearchMarks.Open}, StopSel={SearchMarks.Close}, MaxWords=16, MinWords=8";

    /// <summary>Every matched word of a name or alias marked, as SQLite's highlight() does.</summary>
    private static readonly string HighlightOptions =
        $"StartSel={SearchMarks.Open}, StopSel={SearchMarks.Close}, HighlightAll=true";

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        Q7x2Db db, SearchQuery query, string? kind, SearchAfter? after, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            return [];
        }

        // Score = ts_rank over the whole document (weighted; normalised by 1 + log of its length) plus ts_rank of the same query
        // within names and aliases alone, when it matches there: as on SQLite, the second term puts the entity named by the query
        // before the many records that mention it. Only the page's rows pay for headlines.
        var match = TsQuery.Match(query);
        var rows = await PostgresReader.ReadAsync(db, $$"""
            WITH Query AS (SELECT {{match.Sql}} AS q, {{match.AnyTerm}} AS AnyTerm),
            Matches AS MATERIALIZED (
                SELECT s."Id", s."Type",
                    ts_rank({{Weights}}, s."Document", Query.q, 1)::float8
                    + CASE WHEN ts_filter(s."Document", ARRAY['a', 'b']::"char"[]) @@ Query.q
                        THEN ts_rank(ARRAY[1, 1, 1, 1]::real[], ts_filter(s."Document", ARRAY['a', 'b']::"char"[]), Query.q, 1)::float8 ELSE 0 END AS "Score"
                FROM "SearchIndex" AS s CROSS JOIN Query
                WHERE s."Document" @@ Query.q AND (@kind IS NULL OR s."Kind" = @kind)),
            Page AS MATERIALIZED (
                SELECT "Id", "Type", "Score" FROM Matches
                WHERE @afterId IS NULL OR "Score" < @afterScore OR ("Score" = @afterScore AND "Id" > @afterId)
                ORDER BY "Score" DESC, "Id"
                LIMIT @take)
            SELECT s."Type", s."Id", s."Kind", s."Modality", s."Title", p."Score",
                ts_headline('{{Configuration}}', concat_ws(chr(31), s."Name", s."Aliases", s."Body", s."Quotes"), Query.q, @snippet),
                (SELECT min(n)::integer - 1 FROM unnest(string_to_array(s."Quotes", chr(31))) WITH ORDINALITY AS t(quote, n)
                    WHERE to_tsvector('{{Configuration}}', quote) @@ Query.AnyTerm)
            FROM Page AS p JOIN "SearchIndex" AS s ON s."Id" = p."Id" AND s."Type" = p."Type" CROSS JOIN Query
            ORDER BY p."Score" DESC, p."Id"
            """,
            [
                .. match.Parameters, Text("@kind", kind), Text("@afterId", after?.Id),
                new("@afterScore", NpgsqlDbType.Double) { Value = (object?)after?.Score ?? DBNull.Value },
                new("@take", NpgsqlDbType.Integer) { Value = take }, Text("@snippet", SnippetOptions),
            ],
            r => new HitRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetDouble(5), r.IsDBNull(6) ? "" : r.GetString(6), r.IsDBNull(7) ? -1 : r.GetInt32(7)),
            ct);

        var quotes = await MatchedQuotesAsync(db, rows, ct);
        return [.. rows.Select(r => new SearchHit(r.Type, r.Id, r.Kind, r.Name, r.Modality, r.Score,
            r.Snippet.Replace(SearchHighlights.ItemSeparator, " … ", StringComparison.Ordinal), quotes.GetValueOrDefault(r.Id)))];
    }

    public async Task RefreshAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        // Most of the records (a first load): one pass over the view costs less than finding the rows each id affects.
        var records = await db.Database.SqlQuery<long>($"""
            SELECT (SELECT count(*) FROM "Entities") + (SELECT count(*) FROM "Facts") + (SELECT count(*) FROM "Observations") AS "Value"
            """).SingleAsync(ct);
        if (ids.Count * 2L >= records)
        {
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchIndex" """, ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SearchIndex" ("Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes")
                SELECT "Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes" FROM "SearchDocuments"
                """, ct);
            return;
        }

        // The changed records and the records whose indexed text shows them, each found by an index on the referencing column.
        var changed = ids.ToArray();
        var affected = (await db.Database.SqlQuery<string>($"""
            SELECT unnest({changed}::text[]) AS "Value"
            UNION SELECT "Id" FROM "Facts"
                WHERE "SubjectId" = ANY({changed}) OR "ObjectId" = ANY({changed}) OR "PredicateId" = ANY({changed})
                    OR "AttributionId" = ANY({changed})
            UNION SELECT "ObservationId" FROM "ObservationSubjects" WHERE "EntityId" = ANY({changed})
            UNION SELECT "Id" FROM "Observations" WHERE "AttributionId" = ANY({changed})
            """).ToListAsync(ct)).ToArray();

        await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchIndex" WHERE "Id" = ANY({affected})""", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SearchIndex" ("Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes")
            SELECT "Type", "Id", "Kind", "Modality", "Title", "Name", "Aliases", "Body", "Quotes" FROM "SearchDocuments"
            WHERE "Id" = ANY({affected})
            """, ct);
    }

    /// <summary>
    /// For each hit whose evidence matched, the first quote that did (quotes are indexed in evidence order): a quote matches when it
    /// holds a term of the query, as a quote SQLite's highlight() marks.
    /// </summary>
    private static async Task<Dictionary<string, SearchEvidence>> MatchedQuotesAsync(Q7x2Db db, List<HitRow> rows, CancellationToken ct)
    {
        var matched = rows
            .Where(r => r.QuoteIndex >= 0)
            .Select(r => (r.Id, Index: r.QuoteIndex))
            .ToDictionary(m => m.Id, m => m.Index, StringComparer.Ordinal);
        if (matched.Count == 0)
        {
            return [];
        }

        var evidence = await PostgresReader.ReadAsync(db, """
            SELECT "Owner", "SourceId", "Start", "End", "Exact" FROM (
                SELECT v."EntityId" AS "Owner", v."SourceId", v."Start", v."End", v."Exact", v."Position" FROM "Evidence" AS v
                WHERE v."EntityId" = ANY(@owners)
                UNION ALL
                SELECT v."FactId", v."SourceId", v."Start", v."End", v."Exact", v."Position" FROM "Evidence" AS v WHERE v."FactId" = ANY(@owners)
                UNION ALL
                SELECT v."ObservationId", v."SourceId", v."Start", v."End", v."Exact", v."Position" FROM "Evidence" AS v
                WHERE v."ObservationId" = ANY(@owners)) AS v
            ORDER BY "Position"
            """,
            [new("@owners", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = matched.Keys.ToArray() }],
            r => new SearchHighlights.Quote(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4)),
            ct);
        return SearchHighlights.PickQuotes(matched, evidence);
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private sealed record HitRow(
        string Type, string Id, string Kind, string? Modality, string Name, double Score, string Snippet, int QuoteIndex);
}
