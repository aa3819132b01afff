using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Q7x2.Api.Infrastructure;

/// <summary>A page of a list: the items, the cursor of the next page (null on the last page), and the total when asked for.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="Next">Opaque cursor of the next page, or null on the last page. Also sent as <c>Link: &lt;…&gt;; rel="next"</c>.</param>
/// <param name="Total">The number of items across all pages; only with <c>count=true</c>.</param>
/// <param name="Facets">
/// Only with <c>facet=…</c>: for each facet asked for, how many of the matching items (all pages) have each value, the most
/// frequent first (at most 100 values).
/// </param>
public sealed record Page<T>(
    IReadOnlyList<T> Items,
    string? Next,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>? Facets = null) : IPage
{
    System.Collections.IEnumerable IPage.Rows => Items;
}

/// <summary>
/// Keyset paging parameters shared by every list. Each list's query record declares <c>Limit</c>, <c>Cursor</c> and
/// <c>Count</c> itself, with these descriptions: the Request Delegate Generator binds only the properties an
/// <c>[AsParameters]</c> type declares, not inherited ones.
/// </summary>
public interface IPageQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const string LimitDescription = "How many items per page, 1 to 100 (default 20).";
    public const string CursorDescription =
        "The opaque cursor from a previous page's `next`; leave out for the first page. It is only valid with the same filters and sort.";
    public const string CountDescription = "Also return `total`, the number of matching items across all pages (costs one more query).";

    /// <summary>How many items per page, 1 to 100 (default 20).</summary>
    int? Limit { get; }

    /// <summary>The opaque cursor from a previous page's <c>next</c>; leave out for the first page.</summary>
    string? Cursor { get; }

    /// <summary>Also return the total number of matching items (costs one more query).</summary>
    bool? Count { get; }
}

/// <summary>A page asked for by other parameters (search reads its own).</summary>
public sealed record PageQuery(int? Limit, string? Cursor, bool? Count = null) : IPageQuery;

public static class PageQueries
{
    public static int Take(this IPageQuery query) => query.Limit ?? IPageQuery.DefaultLimit;

    public static PageCursor? After(this IPageQuery query) => query.Cursor is null ? null : PageCursor.Decode(query.Cursor);
}

/// <summary>Where the previous page ended: the sort it used, the last item's sort value and id.</summary>
public sealed record PageCursor(string Sort, string? Value, string Id)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    public static PageCursor? Decode(string cursor)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<PageCursor>(WebEncoders.Base64UrlDecode(cursor), Json);
            return decoded is { Sort: not null, Id: not null } ? decoded : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A cursor's text value or id: present and free of control characters (a NUL is no name or id this API issues).</summary>
    public static bool IsText(string? value) => value is not null && !value.Any(char.IsControl);

    /// <summary>Whether the id is one an item could have: not empty, no control characters.</summary>
    public bool HasItemId() => Id.Length > 0 && IsText(Id);
}

internal abstract class PageQueryValidator<T> : AbstractValidator<T>
    where T : IPageQuery
{
    protected const string NotIssued = "'cursor' is not a cursor this API issued; start again without it.";

    protected PageQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, IPageQuery.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || PageCursor.Decode(c) is not null).WithMessage(NotIssued);
    }

    /// <summary>
    /// The <c>sort</c> parameter must name a sort field, and a cursor must come from a page with the same sort and hold a
    /// value of its field's type (a date for a date sort, text without control characters for a text sort) and an id.
    /// </summary>
    protected void Sorts<TRow>(SortOptions<TRow> options, Func<T, string?> sort)
    {
        RuleFor(q => sort(q)).Must(options.IsValid).OverridePropertyName("sort")
            .WithMessage(q => $"'{sort(q)}' is not a sort of this list. {options.Describe()}");
        RuleFor(q => q.Cursor).Cascade(CascadeMode.Stop)
            .Must((q, c) => c is null || PageCursor.Decode(c) is not { } after || after.Sort == (sort(q) ?? options.Default))
            .WithMessage("'cursor' was issued for another sort; start again without it.")
            .Must(c => c is null || PageCursor.Decode(c) is not { } after || options.Accepts(after))
            .WithMessage(NotIssued);
    }
}

internal static class Pages
{
    /// <summary>
    /// A page of a sorted list: the total when asked for, the keyset order and the cursor's bound, <c>limit + 1</c> rows (the extra one
    /// says whether there is a next page), the page with its <c>Link</c> header. <paramref name="select"/> shapes the rows read
    /// (includes, a projection that keeps the sort keys).
    /// </summary>
    public static async Task<Page<TOut>> PageAsync<T, TOut>(
        this IQueryable<T> query, SortOptions<T> sorts, string? sort, IPageQuery page, HttpContext http,
        Func<IQueryable<T>, IQueryable<TOut>> select, Func<TOut, T> keysOf, CancellationToken ct)
    {
        int? total = page.Count == true ? await query.CountAsync(ct) : null;
        var facets = await Facets.CountAsync(query, page, http, ct);
        var (ordered, cursorOf) = sorts.Apply(query, sort, page.After());
        var rows = await select(ordered.Take(page.Take() + 1)).ToListAsync(ct);
        return rows.ToPage(page, row => cursorOf(keysOf(row)), http, total) with { Facets = facets };
    }

    public static Task<Page<T>> PageAsync<T>(
        this IQueryable<T> query, SortOptions<T> sorts, string? sort, IPageQuery page, HttpContext http, Func<IQueryable<T>, IQueryable<T>> select, CancellationToken ct) =>
        query.PageAsync(sorts, sort, page, http, select, row => row, ct);

    public static Task<Page<T>> PageAsync<T>(
        this IQueryable<T> query, SortOptions<T> sorts, string? sort, IPageQuery page, HttpContext http, CancellationToken ct) =>
        query.PageAsync(sorts, sort, page, http, q => q, row => row, ct);

    public static Page<TOut> Map<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) => page.With([.. page.Items.Select(map)]);

    /// <summary>The same page (cursor, total, facets) with these items.</summary>
    public static Page<TOut> With<TIn, TOut>(this Page<TIn> page, IReadOnlyList<TOut> items) => new(items, page.Next, page.Total, page.Facets);

    /// <summary>Builds a page from up to <c>take + 1</c> rows fetched in order, and sets the <c>Link</c> header.</summary>
    public static Page<T> ToPage<T>(this List<T> rows, IPageQuery query, Func<T, PageCursor> cursorOf, HttpContext http, int? total = null)
    {
        if (rows.Count <= query.Take())
        {
            return new Page<T>(rows, null, total);
        }

        rows.RemoveAt(rows.Count - 1);
        var next = cursorOf(rows[^1]).Encode();
        var request = http.Request;
        var parameters = request.Query.Where(p => p.Key != "cursor").ToDictionary(p => p.Key, p => p.Value);
        parameters["cursor"] = next;
        var url = QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", parameters);
        if (!http.Response.HasStarted)
        {
            // A CSV export runs the list page after page into one response: its later pages have no header to set.
            http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        }

        return new Page<T>(rows, next, total);
    }
}
