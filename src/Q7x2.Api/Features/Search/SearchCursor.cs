using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Q7x2.Api.Infrastructure;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Search;

/// <summary>
/// The keyset of a ranked list: the last hit's exact score and id, plus a fingerprint of the search
/// (<c>q</c> and <c>kind</c>) so that a cursor cannot continue a different search.
/// </summary>
internal static class SearchCursor
{
    public static PageCursor Key(SearchParameters search, SearchHit last) =>
        new(Fingerprint(search), last.Score.ToString("R", CultureInfo.InvariantCulture), last.Id);

    /// <summary>Where the page starts; null for a cursor that is not one of ours.</summary>
    public static (string Fingerprint, SearchAfter After)? Read(string cursor) =>
        PageCursor.Decode(cursor) is { Value: { } score } after && after.HasItemId()
            && double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (after.Sort, new SearchAfter(value, after.Id))
            : null;

    public static string Fingerprint(SearchParameters search) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{search.Q}\n{search.Kind}")))[..16];
}
