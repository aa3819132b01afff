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
    public static string Key(SearchParameters search, SearchHit last) =>
        string.Create(CultureInfo.InvariantCulture, $"{Fingerprint(search)}~{last.Score:R}~{last.Id}");

    /// <summary>Where the page starts; null for a cursor that is not one of ours.</summary>
    public static (string Fingerprint, SearchAfter After)? Read(string cursor)
    {
        var parts = Cursors.Decode(cursor)?.Split('~');
        return parts is [var fingerprint, var score, var id]
            && double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && id.Length > 0
            ? (fingerprint, new SearchAfter(value, id))
            : null;
    }

    public static string Fingerprint(SearchParameters search) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{search.Q}\n{search.Kind}")))[..16];
}
