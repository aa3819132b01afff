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
        var rows = await db.Database.SqlQuery<SuggestionRow>($"""
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

        return [.. rows
            .Select(r => (Row: r, Best: BestMatch(r)))
            .Where(c => c.Best is not null)
            .OrderBy(c => c.Best!.Value.Rank)
            .ThenBy(c => c.Row.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Row.Id, StringComparer.Ordinal)
            .Take(take)
            .Select(c => new Suggestion(c.Row.Id, c.Row.Kind, c.Row.Name, c.Best!.Value.Text))];
    }

    /// <summary>The entity's name or alias that matches best, with its rank (lower is better).</summary>
    private static (string Text, (int Starts, int Length, int IsAlias) Rank)? BestMatch(SuggestionRow row)
    {
        var items = (row.MarkedAliases?.Split(ItemSeparator) ?? []).Select(alias => (Marked: alias, IsAlias: 1))
            .Prepend((Marked: row.MarkedName, IsAlias: 0));
        (string Text, (int, int, int) Rank)? best = null;
        foreach (var (marked, isAlias) in items)
        {
            if (!marked.Contains(SearchMarks.Open, StringComparison.Ordinal))
            {
                continue;
            }

            var text = marked.Replace(SearchMarks.Open, "", StringComparison.Ordinal).Replace(SearchMarks.Close, "", StringComparison.Ordinal);
            var rank = (marked.StartsWith(SearchMarks.Open, StringComparison.Ordinal) ? 0 : 1, text.Length, isAlias);
            if (best is null || rank.CompareTo(best.Value.Rank) < 0)
            {
                best = (text, rank);
            }
        }

        return best;
    }

    private sealed class SuggestionRow
    {
        public required string Id { get; init; }
        public required string Kind { get; init; }
        public required string Name { get; init; }
        public required string MarkedName { get; init; }
        public string? MarkedAliases { get; init; }
    }
}
