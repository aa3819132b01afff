using System.Linq.Expressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Infrastructure;

/// <summary>How many of a list's matching records have a value.</summary>
/// <param name="Value">The value (an entity's id for a reference such as `country`); null counts the records without one.</param>
/// <param name="Name">The referenced entity's name, for a reference; null otherwise.</param>
/// <param name="Count">How many matching records have it.</param>
public sealed record FacetValue(string? Value, string? Name, int Count);

/// <summary>A facet of a list: its name and how to count its values over the list's filtered rows (one grouped query).</summary>
internal sealed record Facet<T>(string Name, bool References, Func<IQueryable<T>, IQueryable<FacetRow>> Count);

/// <summary>A value and its count, as the database groups them.</summary>
internal sealed class FacetRow
{
    public string? Value { get; init; }

    public int Count { get; init; }
}

/// <summary>A list's query that can ask for counts per value (<c>facet=country,role</c>) of its filtered records.</summary>
internal interface IFacetedQuery<T> : IPageQuery
{
    /// <summary>The facets asked for, comma-separated.</summary>
    string? Facet { get; }

    /// <summary>The facets this list has.</summary>
    IReadOnlyList<Facet<T>> Facets { get; }
}

internal static class Facets
{
    /// <summary>How many values of a facet a list returns: the most frequent ones.</summary>
    public const int MaxValues = 100;

    public static Facet<T> Of<T>(string name, Expression<Func<T, string?>> value, bool references = false) =>
        new(name, references, rows => rows.GroupBy(value).Select(g => new FacetRow { Value = g.Key, Count = g.Count() }));

    /// <summary>A facet over the entities an entity links to in a role (an event's participants, an agreement's parties…).</summary>
    public static Facet<Entity> Linked(string name, string role) =>
        new(name, true, rows => rows.SelectMany(e => e.Links).Where(l => l.Role == role)
            .GroupBy(l => l.TargetId).Select(g => new FacetRow { Value = g.Key, Count = g.Count() }));

    /// <summary>The entities an observation is about (its subjects; a trade figure's countries).</summary>
    public static Facet<Observation> ObservationSubjects(string name) =>
        new(name, true, rows => rows.SelectMany(o => o.Subjects).GroupBy(s => s.EntityId).Select(g => new FacetRow { Value = g.Key, Count = g.Count() }));

    /// <summary>The facets asked for: names the list has, comma-separated, each once.</summary>
    public static IRuleBuilderOptions<TQuery, string?> OneOfFacets<TQuery, T>(this IRuleBuilder<TQuery, string?> rule, IReadOnlyList<Facet<T>> facets) =>
        rule.Must(asked => asked is null || Names(asked) is { Length: > 0 } names && names.All(n => facets.Any(f => f.Name == n)))
            .WithMessage((_, asked) => $"'{asked}' is not a list of this list's facets: give "
                + (facets.Count == 0 ? "none (this list has no facets)" : string.Join(", ", facets.Select(f => $"`{f.Name}`"))) + ", comma-separated.");

    /// <summary>The counts of the facets <paramref name="page"/> asks for over <paramref name="rows"/> (the filtered list), or null when none is asked.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>?> CountAsync<T>(
        IQueryable<T> rows, IPageQuery page, HttpContext http, CancellationToken ct)
    {
        if (page is not IFacetedQuery<T> { Facet: { } asked } faceted)
        {
            return null;
        }

        var counts = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        foreach (var facet in Names(asked).Select(n => faceted.Facets.Single(f => f.Name == n)))
        {
            // Ties by value, the records without one first: SQLite sorts NULL first and PostgreSQL last, so it is said explicitly.
            var values = await facet.Count(rows).OrderByDescending(r => r.Count).ThenBy(r => r.Value != null).ThenBy(r => r.Value)
                .Take(MaxValues).ToListAsync(ct);
            var names = facet.References
                ? await RecordLoader.RefsAsync(http.RequestServices.GetRequiredService<Q7x2Db>(), values.Select(v => v.Value), ct)
                : [];
            counts[facet.Name] = [.. values.Select(v => new FacetValue(v.Value, v.Value is not null && names.TryGetValue(v.Value, out var r) ? r.Name : null, v.Count))];
        }

        return counts;
    }

    private static string[] Names(string asked) => [.. asked.Split(',', StringSplitOptions.TrimEntries).Distinct()];
}
