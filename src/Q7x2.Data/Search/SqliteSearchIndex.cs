using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Q7x2.Data.Search;

/// <summary>
/// Search on SQLite FTS5. The <c>SearchIndex</c> virtual table and the <c>SearchDocuments</c> view that says
/// what each record contributes to it are made by the AddSearchIndex migration, outside the EF model.
/// Ranking is BM25 with names weighted over aliases over descriptions and notes over evidence quotes.
/// </summary>
public sealed partial class SqliteSearchIndex : ISearchIndex
{
    private const string ItemSeparator = SearchHighlights.ItemSeparator;

    /// <summary>FTS5's own default: a later write merges segments as it goes.</summary>
    private const int DefaultAutomerge = 4;


    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        Q7x2Db db, SearchQuery query, string? kind, SearchAfter? after, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            return [];
        }

        var match = Fts5Query.Match(query);
        var inNames = Fts5Query.InNames(query);
        var (afterScore, afterId) = (after?.Score, after?.Id);

        // Score = BM25 over every column (weights: Name 4, Aliases 3, Body 2, Quotes 1) plus BM25 of the
        // same query within names and aliases alone. The second term is what puts "Sadyr Japarov" before
        // the many records that mention him: BM25 saturates and normalises by the whole row's length, so
        // column weights alone cannot. Only the page's rows pay for snippets.
        var rows = await SqliteReader.ReadAsync(db, """
            WITH Matches AS MATERIALIZED (
                SELECT rowid AS Row, Id, -bm25(SearchIndex, 4.0, 3.0, 2.0, 1.0) AS Score
                FROM SearchIndex
                WHERE SearchIndex MATCH $match AND ($kind IS NULL OR Kind = $kind)),
            NameMatches AS MATERIALIZED (
                SELECT rowid AS Row, -bm25(SearchIndex, 1.0, 1.0, 0.0, 0.0) AS Score
                FROM SearchIndex
                WHERE SearchIndex MATCH $inNames),
            Page AS MATERIALIZED (
                SELECT Row, Id, Score FROM (
                    SELECT m.Row, m.Id, m.Score + coalesce(n.Score, 0.0) AS Score
                    FROM Matches AS m LEFT JOIN NameMatches AS n ON n.Row = m.Row)
                WHERE $afterId IS NULL OR Score < $afterScore OR (Score = $afterScore AND Id > $afterId)
                ORDER BY Score DESC, Id
                LIMIT $take)
            SELECT SearchIndex.Type, Page.Id, SearchIndex.Kind, SearchIndex.Modality, SearchIndex.Title AS Name, Page.Score,
                snippet(SearchIndex, -1, $open, $close, '…', 16) AS Snippet,
                highlight(SearchIndex, 3, $open, $close) AS Quotes
            FROM Page JOIN SearchIndex ON SearchIndex.rowid = Page.Row
            WHERE SearchIndex MATCH $match
            ORDER BY Page.Score DESC, Page.Id
            """,
            [
                new("$match", match), new("$kind", (object?)kind ?? DBNull.Value), new("$inNames", inNames),
                new("$afterId", (object?)afterId ?? DBNull.Value), new("$afterScore", (object?)afterScore ?? DBNull.Value),
                new("$take", take), new("$open", SearchMarks.Open), new("$close", SearchMarks.Close),
            ],
            r => new HitRow
            {
                Type = r.GetString(0), Id = r.GetString(1), Kind = r.GetString(2), Modality = r.IsDBNull(3) ? null : r.GetString(3),
                Name = r.GetString(4), Score = r.GetDouble(5), Snippet = r.IsDBNull(6) ? null : r.GetString(6),
                Quotes = r.IsDBNull(7) ? null : r.GetString(7),
            },
            ct);

        var quotes = await MatchedQuotesAsync(db, rows, ct);
        return [.. rows.Select(r => new SearchHit(r.Type, r.Id, r.Kind, r.Name, r.Modality, r.Score,
            (r.Snippet ?? "").Replace(ItemSeparator, " … ", StringComparison.Ordinal), quotes.GetValueOrDefault(r.Id)))];
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
        var records = await db.Database.SqlQuery<int>($"""
            SELECT (SELECT count(*) FROM "Entities") + (SELECT count(*) FROM "Facts") + (SELECT count(*) FROM "Observations") AS Value
            """).SingleAsync(ct);
        if (ids.Count * 2L >= records)
        {
            // Built without merging segments as it goes (FTS5's automerge), then merged into one segment at the end: less work
            // than merging along the way (4.7 s against 5.3 s for 2,000 sources), and searches read one segment.
            await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('automerge', 0)", ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO SearchIndex (Name, Aliases, Body, Quotes, Type, Id, Kind, Modality, Title)
                SELECT "Name", "Aliases", "Body", "Quotes", "Type", "Id", "Kind", "Modality", "Title" FROM "SearchDocuments"
                """, ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO SearchIndex (SearchIndex) VALUES ('optimize')", ct);
            await db.Database.ExecuteSqlAsync($"INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('automerge', {DefaultAutomerge})", ct);
            return;
        }

        // The changed records and the records whose indexed text shows them. Deleting by Id scans the
        // index's stored Id column once per refresh: cheap next to rebuilding, and linear in the index size.
        var changed = JsonSerializer.Serialize(ids);
        var affected = JsonSerializer.Serialize(await db.Database.SqlQuery<string>($"""
            WITH Changed(Id) AS (SELECT value FROM json_each({changed}))
            SELECT Id AS Value FROM Changed
            UNION SELECT "Id" FROM "Facts"
                WHERE "SubjectId" IN Changed OR "ObjectId" IN Changed OR "PredicateId" IN Changed OR "AttributionId" IN Changed
            UNION SELECT "ObservationId" FROM "ObservationSubjects" WHERE "EntityId" IN Changed
            UNION SELECT "Id" FROM "Observations" WHERE "AttributionId" IN Changed
            """).ToListAsync(ct));

        await db.Database.ExecuteSqlAsync($"DELETE FROM SearchIndex WHERE Id IN (SELECT value FROM json_each({affected}))", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO SearchIndex (Name, Aliases, Body, Quotes, Type, Id, Kind, Modality, Title)
            SELECT "Name", "Aliases", "Body", "Quotes", "Type", "Id", "Kind", "Modality", "Title" FROM "SearchDocuments"
            WHERE "Id" IN (SELECT value FROM json_each({affected}))
            """, ct);
    }

    /// <summary>For each hit whose evidence matched, the first quote that did (quotes are indexed in evidence order).</summary>
    private static async Task<Dictionary<string, SearchEvidence>> MatchedQuotesAsync(Q7x2Db db, List<HitRow> rows, CancellationToken ct)
    {
        var matched = rows
            .Select(r => (r.Id, Index: Array.FindIndex(r.Quotes?.Split(ItemSeparator) ?? [], q => q.Contains(SearchMarks.Open, StringComparison.Ordinal))))
            .Where(m => m.Index >= 0)
            .ToDictionary(m => m.Id, m => m.Index, StringComparer.Ordinal);
        if (matched.Count == 0)
        {
            return [];
        }

        // Each owner's evidence in position order (the order its quotes were indexed in): a lookup by each indexed owner column.
        var evidence = await SqliteReader.ReadAsync(db, """
            WITH Owners(Id) AS (SELECT value FROM json_each($owners))
            SELECT Owner, SourceId, Start, "End", Exact FROM (
                SELECT v."EntityId" AS Owner, v."SourceId" AS SourceId, v."Start" AS Start, v."End" AS "End", v."Exact" AS Exact, v."Position" AS Position
                FROM "Evidence" AS v WHERE v."EntityId" IN Owners
                UNION ALL
                SELECT v."FactId", v."SourceId", v."Start", v."End", v."Exact", v."Position" FROM "Evidence" AS v WHERE v."FactId" IN Owners
                UNION ALL
                SELECT v."ObservationId", v."SourceId", v."Start", v."End", v."Exact", v."Position" FROM "Evidence" AS v WHERE v."ObservationId" IN Owners)
            ORDER BY Position
            """,
            [new("$owners", JsonSerializer.Serialize(matched.Keys))],
            r => new SearchHighlights.Quote(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4)),
            ct);

        return SearchHighlights.PickQuotes(matched, evidence);
    }

    private sealed class HitRow
    {
        public required string Type { get; init; }
        public required string Id { get; init; }
        public required string Kind { get; init; }
        public string? Modality { get; init; }
        public required string Name { get; init; }
        public double Score { get; init; }
        public string? Snippet { get; init; }
        public string? Quotes { get; init; }
    }
}
