using Q7x2.Data.Seeding;

namespace Q7x2.Data.Generation;

/// <summary>
/// An entity of the generated corpus: its seed record (evidence still empty), what the text needs to name it, and the
/// quotes that will become its evidence. Shared entities are cited by many sources and written once, after the last
/// source; a source's own entities are written with it.
/// </summary>
internal sealed class CorpusEntity(SeedEntity record, string kind, bool shared)
{
    /// <summary>How many quotes become a shared entity's evidence (the first sources that mention it, one each).</summary>
    public const int MaxQuotes = 2;

    public SeedEntity Record { get; } = record;

    public string Kind { get; } = kind;

    public bool Shared { get; } = shared;

    public string Id => Record.Id;

    public string Name => Record.Name;

    /// <summary>How later sentences call it: a surname, or the name.</summary>
    public string Short { get; init; } = record.Name;

    /// <summary>A country's adjective ("Valdorian"); null for other kinds.</summary>
    public string? Demonym { get; init; }

    /// <summary>A person's title as the text writes it before the name ("President").</summary>
    public string? Title { get; init; }

    /// <summary>The entities its name names ("Valdoria’s Honor Guard" names Valdoria): a quote of the name is evidence for them too.</summary>
    public IReadOnlyList<CorpusEntity> Named { get; init; } = [];

    /// <summary>Each quote is a one-item array, completed (occurrence) when its source text is.</summary>
    public List<SeedEvidence[]> Quotes { get; } = [];

    /// <summary>The last source a quote came from: a shared entity takes at most one quote per source.</summary>
    public string? QuotedIn { get; set; }

    public SeedEntity WithEvidence() => Record with { Evidence = [.. Quotes.Select(q => q[0])] };
}

/// <summary>A country with the shared people, places and bodies the text names with it.</summary>
internal sealed class Nation
{
    public required CorpusEntity Country { get; init; }

    public required CorpusEntity Leader { get; init; }

    public required CorpusEntity Minister { get; init; }

    public required CorpusEntity Heir { get; init; }

    public required CorpusEntity Legislature { get; init; }

    public required CorpusEntity HonorGuard { get; init; }

    /// <summary>The capital first.</summary>
    public List<CorpusEntity> Cities { get; } = [];

    public CorpusEntity Capital => Cities[0];
}
