using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Api.Features.Curation;

/// <summary>One write: who made it, when, and the record before and after, in its curated shape (a seed run's changes without them).</summary>
/// <param name="Cursor">This change's position in the change feed: pass it as <c>after</c> to get the changes that follow it.</param>
/// <param name="Position">
/// The same position as a number, in commit order: what `asOf` takes to read the data as it stood right after this change, and what
/// `Dataset-Version` says of the latest change.
/// </param>
/// <param name="Resource">
/// The collection: people, countries, places, organizations, events, agreements, border-crossings, facts, observations or sources;
/// a seed run also changes predicates and claims.
/// </param>
/// <param name="Id">The record's id.</param>
/// <param name="Operation">create, update or delete.</param>
/// <param name="Actor">The name of the API key that made the write, or `seed` for a change a seed run made.</param>
/// <param name="At">When it was committed (UTC).</param>
/// <param name="Before">The record before the write (null for a create, and for every change of a seed run: read the record itself).</param>
/// <param name="After">The record after the write (null for a delete, and for every change of a seed run).</param>
public sealed record RevisionResponse(
    string Cursor, long Position, string Resource, string Id, string Operation, string Actor, DateTime At, JsonElement? Before, JsonElement? After)
{
    /// <summary>A revision as a record's history shows it: both sides whole (a source's full text included).</summary>
    internal static RevisionResponse Of(Revision r) => Of(r, Parse);

    /// <summary>A revision as the change feed shows it: a source's text is replaced by its SHA-256 and length, which keeps pages small.</summary>
    internal static RevisionResponse InFeed(Revision r) => Of(r, r.Resource == "sources" ? SourceDigest : Parse);

    private static RevisionResponse Of(Revision r, Func<string, JsonElement> read) => new(
        ChangeCursor.Encode(r.Id), r.Id, r.Resource, r.ResourceId, r.Operation, r.Actor, DateTime.SpecifyKind(r.At, DateTimeKind.Utc),
        r.Before is null ? null : read(r.Before),
        r.After is null ? null : read(r.After));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary><c>text</c> becomes <c>textSha256</c> (lowercase hex of its UTF-8, as a source's <c>sha256</c>) and <c>textLength</c> (code points).</summary>
    private static JsonElement SourceDigest(string json)
    {
        var source = JsonNode.Parse(json)!.AsObject();
        if (source["text"] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            source.Remove("text");
            source["textSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            source["textLength"] = CodePoints.Count(text);
        }

        return JsonSerializer.SerializeToElement(source);
    }
}

/// <summary>The opaque position of a revision in commit order.</summary>
internal static class ChangeCursor
{
    public static string Encode(long id) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new PageCursor("change", null, id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static long? Decode(string? cursor) =>
        cursor is not null && PageCursor.Decode(cursor) is { Sort: "change" } c && long.TryParse(c.Id, System.Globalization.CultureInfo.InvariantCulture, out var id) && id >= 0
            ? id : null;
}

/// <summary>Query parameters of a record's revisions.</summary>
public sealed record RevisionsQuery : IPageQuery
{
    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }
}

internal sealed class RevisionsQueryValidator : AbstractValidator<RevisionsQuery>
{
    public RevisionsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, IPageQuery.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || ChangeCursor.Decode(c) is not null)
            .WithMessage("'cursor' is not a cursor this API issued; start again without it.");
    }
}

/// <summary>Query parameters of <c>GET /v1/changes</c>.</summary>
public sealed record ChangesQuery : IPageQuery
{
    /// <summary>The cursor of the last change already seen; the feed continues after it.</summary>
    [FromQuery(Name = "after")]
    [Description("The `cursor` of the last change already seen (or a page's `next`); the feed continues after it. Leave out to start from the first change.")]
    public string? Since { get; init; }

    /// <inheritdoc cref="IPageQuery.Limit"/>
    [Description(IPageQuery.LimitDescription)]
    public int? Limit { get; init; }

    /// <inheritdoc cref="IPageQuery.Cursor"/>
    [Description(IPageQuery.CursorDescription)]
    public string? Cursor { get; init; }

    /// <inheritdoc cref="IPageQuery.Count"/>
    [Description(IPageQuery.CountDescription)]
    public bool? Count { get; init; }
}

internal sealed class ChangesQueryValidator : AbstractValidator<ChangesQuery>
{
    public ChangesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, IPageQuery.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || ChangeCursor.Decode(c) is not null)
            .WithMessage("'cursor' is not a cursor this API issued; start again without it.");
        RuleFor(q => q.Since).Must(c => c is null || ChangeCursor.Decode(c) is not null).OverridePropertyName("after")
            .WithMessage("'after' is not a change cursor this API issued.");
        RuleFor(q => q.Since).Null().When(q => q.Cursor is not null).OverridePropertyName("after")
            .WithMessage("Give 'after' or 'cursor', not both.");
    }
}
