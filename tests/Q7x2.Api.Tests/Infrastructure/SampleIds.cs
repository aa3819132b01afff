namespace Q7x2.Api.Tests.Infrastructure;

/// <summary>A seeded record's id for each collection's <c>{id}</c>, to call every detail operation the document lists.</summary>
internal static class SampleIds
{
    public static string For(string path) => path switch
    {
        _ when path.StartsWith("/v1/sources", StringComparison.Ordinal) => "kyrgyz-president-visits-tajikistan",
        _ when path.StartsWith("/v1/entities", StringComparison.Ordinal) || path.StartsWith("/v1/people", StringComparison.Ordinal) => "sadyr-japarov",
        _ when path.StartsWith("/v1/countries", StringComparison.Ordinal) => "kyrgyzstan",
        _ when path.StartsWith("/v1/places", StringComparison.Ordinal) => "dushanbe",
        _ when path.StartsWith("/v1/organizations", StringComparison.Ordinal) => "the-times-of-central-asia",
        _ when path.StartsWith("/v1/events", StringComparison.Ordinal) => "khujand-summit-2025",
        _ when path.StartsWith("/v1/agreements", StringComparison.Ordinal) => "kyrgyz-tajik-border-delimitation-agreement-2025",
        _ when path.StartsWith("/v1/border-crossings", StringComparison.Ordinal) => "tajvaron-karamyk-crossing",
        _ when path.StartsWith("/v1/facts", StringComparison.Ordinal) => "rustam-emomali-heir-apparent",
        _ when path.StartsWith("/v1/observations", StringComparison.Ordinal) || path.StartsWith("/v1/trade-figures", StringComparison.Ordinal) => "kyrgyz-tajik-trade-jan-may-2025",
        _ when path.StartsWith("/v1/predicates", StringComparison.Ordinal) => "president-of",
        _ when path.StartsWith("/v1/claims", StringComparison.Ordinal) => "kyrgyz-tajik-trade-15-times-more",
        _ => "none",
    };
}
