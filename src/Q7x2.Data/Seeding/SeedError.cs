namespace Q7x2.Data.Seeding;

/// <summary>One thing wrong in the seed files: which file, where in it (a JSON path), and why.</summary>
public sealed record SeedError(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}

public sealed class SeedValidationException(IReadOnlyList<SeedError> errors)
    : Exception($"The seed is invalid ({errors.Count} error(s)); nothing was written.{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<SeedError> Errors { get; } = errors;
}

/// <summary>
/// A seed run the engine cannot do (on PostgreSQL, a run over a database that already holds data); nothing was written.
/// </summary>
public sealed class SeedRefusedException(string message) : Exception(message);
