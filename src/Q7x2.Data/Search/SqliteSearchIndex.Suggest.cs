using Microsoft.EntityFrameworkCore;

namespace Q7x2.Data.Search;

/// <summary>Type-ahead over the Name and Aliases columns of the FTS5 index.</summary>
public sealed partial class SqliteSearchIndex
{
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(Q7x2Db db, string prefix, string? kind, int take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!SearchQuery.HasWordCharacter(prefix))
        {
            return [];
        }

        // Candidates come from the index; the final order is made here, where each name and alias can be
        // looked at on its own: a name or alias that starts with the prefix first, then the shortest, a
        // name before an alias. The candidate cap only matters for prefixes that match hundreds of names.
        var match = Fts5Query.NamePrefix(prefix);
        var candidates = Math.Max(take * 10, 200);
        var rows = await db.Database.SqlQuery<SearchHighlights.SuggestionCandidate>($"""
            SELECT Id, Kind, Name, MarkedName, MarkedAliases FROM (
                SELECT Id, Kind, Name,
                    highlight(SearchIndex, 0, {SearchMarks.Open}, {SearchMarks.Close}) AS MarkedName,
                    highlight(SearchIndex, 1, {SearchMarks.Open}, {SearchMarks.Close}) AS MarkedAliases
                FROM SearchIndex
                WHERE SearchIndex MATCH {match} AND Type = 'entity' AND ({kind} IS NULL OR Kind = {kind}))
            ORDER BY CASE WHEN substr(MarkedName, 1, 1) = {SearchMarks.Open}
                    OR instr({ItemSeparator} || MarkedAliases, {ItemSeparator} || {SearchMarks.Open}) > 0 THEN 0 ELSE 1 END,
                length(Name), Id
            LIMIT {candidates}
            """).ToListAsync(ct);

        return SearchHighlights.Suggestions(rows, take);
    }
}
