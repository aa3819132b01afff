using System.ComponentModel;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.WebUtilities;

namespace Q7x2.Api.Infrastructure;

/// <summary>A page of a list: the items and the cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Keyset paging parameters shared by every list.</summary>
public sealed record PageQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>How many items per page, 1 to 100 (default 20).</summary>
    [Description("How many items per page, 1 to 100 (default 20).")]
    public int? Limit { get; init; }

    /// <summary>The opaque cursor from a previous page's <c>next</c>; leave out for the first page.</summary>
    [Description("The opaque cursor from a previous page's `next`; leave out for the first page.")]
    public string? Cursor { get; init; }

    public int Take => Limit ?? DefaultLimit;

    /// <summary>The last key of the previous page, or null on the first page.</summary>
    public string? After => Cursor is null ? null : Cursors.Decode(Cursor);
}

internal sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageQuery.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || Cursors.Decode(c) is not null)
            .WithMessage("'cursor' is not a cursor this API issued; start again without it.");
    }
}

internal static class Cursors
{
    public static string Encode(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("k:" + key));

    public static string? Decode(string cursor)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(WebEncoders.Base64UrlDecode(cursor));
            return text.StartsWith("k:", StringComparison.Ordinal) ? text[2..] : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Builds a page from up to <c>take + 1</c> rows fetched in key order, and sets the <c>Link</c> header.</summary>
    public static Page<T> ToPage<T>(this List<T> rows, PageQuery query, Func<T, string> key, HttpContext http)
    {
        if (rows.Count <= query.Take)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var next = Encode(key(rows[^1]));
        var request = http.Request;
        var parameters = request.Query.Where(p => p.Key != "cursor").ToDictionary(p => p.Key, p => p.Value);
        parameters["cursor"] = next;
        var url = QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", parameters);
        http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
        return new Page<T>(rows, next);
    }
}
