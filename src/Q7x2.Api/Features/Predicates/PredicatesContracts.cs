using System.ComponentModel;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Predicates;

/// <summary>A predicate of the controlled vocabulary of facts.</summary>
/// <param name="Id">The predicate's id, as facts name it.</param>
/// <param name="Label">How it reads from subject to object ("son of").</param>
/// <param name="InverseLabel">How it reads from object to subject ("son"); null for predicates with a literal value.</param>
/// <param name="Description">What a fact with this predicate states.</param>
/// <param name="FactCount">How many facts use it.</param>
public sealed record PredicateResponse(string Id, string Label, string? InverseLabel, string Description, int FactCount)
{
    internal static PredicateResponse Of(PredicateRow row) =>
        new(row.Predicate.Id, row.Predicate.Label, row.Predicate.InverseLabel, row.Predicate.Description, row.FactCount);
}

/// <summary>A predicate with its fact count, counted in the same query.</summary>
internal sealed record PredicateRow(Predicate Predicate, int FactCount);

/// <summary>Query parameters of <c>GET /v1/predicates</c>.</summary>
public sealed record PredicatesQuery : ICsvListQuery
{
    internal static readonly SortOptions<Predicate> Sorts = new("id",
        SortField<Predicate>.Text("id", p => p.Id, p => p.Id),
        SortField<Predicate>.Text("label", p => p.Label, p => p.Id));

    /// <summary>Sort field: id (default) or label; prefix '-' for descending.</summary>
    [Description("Sort field: `id` (default) or `label`; prefix `-` for descending.")]
    public string? Sort { get; init; }

    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }

    /// <inheritdoc cref="ICsvListQuery.Format"/>
    [Description(ICsvListQuery.FormatDescription)]
    public string? Format { get; init; }

    ICsvListQuery ICsvListQuery.Page(string? cursor) => this with { Cursor = cursor, Limit = IPageQuery.MaxLimit, Count = null };
}

internal sealed class PredicatesQueryValidator : PageQueryValidator<PredicatesQuery>
{
    public PredicatesQueryValidator()
    {
        RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
        Sorts(PredicatesQuery.Sorts, q => q.Sort);
    }
}
