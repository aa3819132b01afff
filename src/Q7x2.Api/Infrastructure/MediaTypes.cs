using Microsoft.Net.Http.Headers;

namespace Q7x2.Api.Infrastructure;

/// <summary>Which of the media types a resource offers a request's <c>Accept</c> asks for.</summary>
internal static class MediaTypes
{
    /// <summary>
    /// The offered type the client prefers: the one with the highest quality, as the most specific range of <c>Accept</c> that
    /// matches it says (RFC 9110, 12.5.1); the first offered (JSON) on a tie, without <c>Accept</c>, and when nothing offered is
    /// acceptable (as every other read of the API answers whatever <c>Accept</c> says, rather than 406).
    /// </summary>
    public static string Negotiate(HttpRequest request, IReadOnlyList<MediaTypeHeaderValue> offered)
    {
        // Every read asks this several times (cache policy, rate limit, each representation's filter): the usual headers (none,
        // "*/*" or the first offered type alone) give the first offered type without parsing.
        var first = offered[0].MediaType.Value!;
        if (request.Headers.Accept is { Count: <= 1 } raw
            && (raw.Count == 0 || raw[0] is "*/*" || string.Equals(raw[0], first, StringComparison.OrdinalIgnoreCase)))
        {
            return first;
        }

        var accept = request.GetTypedHeaders().Accept;
        var (best, quality) = (first, 0.0);
        foreach (var type in offered)
        {
            var range = accept.Where(type.IsSubsetOf).OrderByDescending(Specificity).FirstOrDefault();
            if (range is not null && (range.Quality ?? 1) is var q && q > quality)
            {
                (best, quality) = (type.MediaType.Value!, q);
            }
        }

        return best;
    }

    private static int Specificity(MediaTypeHeaderValue range) => range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
}
