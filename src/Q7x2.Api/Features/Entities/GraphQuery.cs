using System.ComponentModel;
using FluentValidation;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Entities;

/// <summary>Query parameters of <c>GET /v1/entities/{id}/graph</c>.</summary>
public sealed record EntityGraphQuery
{
    /// <summary>How many hops from the entity: 1 (default) or 2.</summary>
    [Description("How many hops from the entity: `1` (default) or `2`.")]
    public int? Depth { get; init; }

    /// <summary>Only nodes of these entity kinds, comma-separated (the entity itself always stays); the walk passes only through them.</summary>
    [Description("Only nodes of these entity kinds, comma-separated (`person`, `country`, `place`, `organization`, `event`, `agreement`, "
        + "`border-crossing`); the entity itself always stays, and the walk from it passes only through nodes of these kinds.")]
    public string? Kind { get; init; }

    /// <summary>Only edges whose record's date interval ends on or after this day (yyyy-MM-dd). Undated records never match a range.</summary>
    [Description("Only edges whose record's date interval ends on or after this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. "
        + "Edges with an undated record never match a range.")]
    public string? From { get; init; }

    /// <summary>Only edges whose record's date interval starts on or before this day (yyyy-MM-dd). Undated records never match a range.</summary>
    [Description("Only edges whose record's date interval starts on or before this day (`yyyy-MM-dd`): ranges match fuzzy dates by overlap. "
        + "Edges with an undated record never match a range.")]
    public string? To { get; init; }

    public int Hops => Depth ?? 1;

    /// <summary>The kinds of <see cref="Kind"/>, or null for every kind.</summary>
    public IReadOnlyList<string>? Kinds => Kind is null ? null : [.. Kind.Split(',').Distinct(StringComparer.Ordinal)];

    public DateOnly? FromDate => QueryRules.ParseDate(From);

    public DateOnly? ToDate => QueryRules.ParseDate(To);
}

internal sealed class EntityGraphQueryValidator : AbstractValidator<EntityGraphQuery>
{
    public EntityGraphQueryValidator()
    {
        RuleFor(q => q.Depth).InclusiveBetween(1, 2).WithMessage("'depth' must be 1 or 2 (hops from the entity); it was {PropertyValue}.");
        RuleFor(q => q.Kind).Must(k => Unknown(k) is null)
            .WithMessage(q => $"'{Unknown(q.Kind)}' is not one of: {string.Join(", ", EntityKind.All)} (comma-separated).");
        RuleFor(q => q.From).IsoDate();
        RuleFor(q => q.To).IsoDate();
        this.DateRange(q => q.FromDate, q => q.ToDate);
    }

    /// <summary>The first item of a comma-separated <c>kind</c> that is no entity kind, or null when there is none.</summary>
    private static string? Unknown(string? kinds) => kinds?.Split(',').FirstOrDefault(k => !EntityKind.All.Contains(k));
}
