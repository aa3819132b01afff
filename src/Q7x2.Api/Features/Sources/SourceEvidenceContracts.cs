using System.ComponentModel;
using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Infrastructure;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Sources;

/// <summary>An evidence span of a source, with the record it supports.</summary>
/// <param name="SourceId">The source the quote is in.</param>
/// <param name="Start">First code point of the quote in the source text (0-based).</param>
/// <param name="End">Code point after the quote: text[start:end] == exact.</param>
/// <param name="Exact">The quote, character for character.</param>
/// <param name="Prefix">Up to 32 code points before the quote.</param>
/// <param name="Suffix">Up to 32 code points after the quote.</param>
/// <param name="Owner">The entity, fact or observation the quote supports.</param>
public sealed record SourceEvidenceResponse(string SourceId, int Start, int End, string Exact, string Prefix, string Suffix, EvidenceOwner Owner);

/// <summary>The record an evidence span supports.</summary>
/// <param name="Type">entity, fact or observation.</param>
/// <param name="Id">The record's id.</param>
/// <param name="Name">The entity's name, the fact's id or the observation's metric.</param>
public sealed record EvidenceOwner(string Type, string Id, string Name);

/// <summary>Query parameters of <c>GET /v1/sources/{id}/evidence</c>: paging only, the order is the text's.</summary>
public sealed record SourceEvidenceQuery : ICsvListQuery
{
    /// <summary>The cursor's sort: spans are listed by start, then by evidence id.</summary>
    internal const string TextOrder = "start";

    internal static PageCursor CursorOf(Evidence v) =>
        new(TextOrder, v.Start.ToString(CultureInfo.InvariantCulture), v.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where the previous page ended, as (start, evidence id).</summary>
    internal (int Start, int Id)? Position => this.After() is { Value: { } start } after
        ? (int.Parse(start, CultureInfo.InvariantCulture), int.Parse(after.Id, CultureInfo.InvariantCulture))
        : null;

    internal static bool IsTextOrder(PageCursor after) =>
        after.Sort == TextOrder && int.TryParse(after.Value, CultureInfo.InvariantCulture, out _)
            && int.TryParse(after.Id, CultureInfo.InvariantCulture, out _);

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

/// <summary>Paging in a source's text order (its evidence, its annotation pages): a cursor must come from such a list.</summary>
internal abstract class TextOrderQueryValidator<T> : PageQueryValidator<T>
    where T : IPageQuery
{
    protected TextOrderQueryValidator() =>
        RuleFor(q => q.Cursor).Must(c => c is null || PageCursor.Decode(c) is not { } after || SourceEvidenceQuery.IsTextOrder(after))
            .WithMessage("'cursor' was issued by another list; start again without it.");
}

internal sealed class SourceEvidenceQueryValidator : TextOrderQueryValidator<SourceEvidenceQuery>
{
    public SourceEvidenceQueryValidator() => RuleFor(q => q.Format).OneOf(ICsvListQuery.Formats);
}

internal static class EvidenceOwners
{
    /// <summary>The owner of each of <paramref name="spans"/>, named: two queries, for the entities' names and the observations' metrics.</summary>
    public static async Task<Func<Evidence, EvidenceOwner>> OfAsync(Q7x2Db db, IReadOnlyCollection<Evidence> spans, CancellationToken ct)
    {
        var entities = await RecordLoader.RefsAsync(db, spans.Select(v => v.EntityId), ct);
        var observationIds = spans.Select(v => v.ObservationId).OfType<string>().Distinct().ToList();
        var metrics = await db.Observations.AsNoTracking().Where(o => observationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Metric, ct);
        return v => v.EntityId is { } entity ? new("entity", entity, entities[entity].Name)
            : v.FactId is { } fact ? new("fact", fact, fact)
            : new("observation", v.ObservationId!, metrics[v.ObservationId!]);
    }
}
