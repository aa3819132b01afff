namespace Q7x2.Data.Search;

/// <summary>
/// Full-text search over entities, facts and observations. One implementation per database engine
/// (FTS5 on SQLite; tsvector/GIN on PostgreSQL), all with the same results contract. The index lives in
/// the database, so every method takes the context whose connection (and transaction) it works on.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// One page of hits, best first: by <see cref="SearchHit.Score"/> descending, then by id. Pass the
    /// last hit of the previous page as <paramref name="after"/> to get the next one.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(
        Q7x2Db db, SearchQuery query, string? kind, SearchAfter? after, int take, CancellationToken ct);

    /// <summary>Entities whose name or alias has a word sequence starting with <paramref name="prefix"/>, best first.</summary>
    Task<IReadOnlyList<Suggestion>> SuggestAsync(Q7x2Db db, string prefix, string? kind, int take, CancellationToken ct);

    /// <summary>
    /// Brings the index up to date for records that were added, changed or removed — entity, fact,
    /// observation or predicate ids — and for the records whose text shows them (a fact shows its
    /// subject's name, an observation its subjects'). Call it in the transaction of the write.
    /// </summary>
    Task RefreshAsync(Q7x2Db db, IReadOnlyCollection<string> ids, CancellationToken ct);
}

/// <summary>What a hit is: its record, a score (higher is better; comparable within one query only) and where it matched.</summary>
/// <param name="Type">entity, fact or observation.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Kind">The entity kind, or fact / observation.</param>
/// <param name="Name">The entity's name, or a readable line for a fact or observation.</param>
/// <param name="Modality">A fact's or observation's modality; null for entities.</param>
/// <param name="Score">Relevance, higher is better.</param>
/// <param name="Snippet">Text around the match; matched words between <see cref="SearchMarks.Open"/> and <see cref="SearchMarks.Close"/>.</param>
/// <param name="Evidence">The evidence quote that matched, when one did.</param>
public sealed record SearchHit(
    string Type, string Id, string Kind, string Name, string? Modality, double Score, string Snippet, SearchEvidence? Evidence);

/// <summary>An evidence quote of a hit: the exact words and their span (code points, end exclusive) in the source.</summary>
public sealed record SearchEvidence(string SourceId, int Start, int End, string Exact);

/// <summary>Where the previous page ended.</summary>
public sealed record SearchAfter(double Score, string Id);

/// <summary>A type-ahead suggestion: the entity, and the name or alias that matched the prefix.</summary>
public sealed record Suggestion(string Id, string Kind, string Name, string Matched);

/// <summary>The markers around matched words in <see cref="SearchHit.Snippet"/>: private-use characters, never in the data.</summary>
public static class SearchMarks
{
    public const string Open = "\uE000";
    public const string Close = "\uE001";
}

/// <summary>The types of record search finds.</summary>
public static class SearchTypes
{
    public const string Entity = "entity";
    public const string Fact = "fact";
    public const string Observation = "observation";

    /// <summary>Every <see cref="SearchHit.Kind"/>: the entity kinds, then fact and observation (a fact's kind is its type).</summary>
    public static readonly IReadOnlyList<string> Kinds = [.. Entities.EntityKind.All, Fact, Observation];
}
