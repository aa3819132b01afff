using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Observations;
using Q7x2.Data;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.TradeFigures;

/// <summary>Trade figures and the comparisons derived from their stored values, in C#: SQLite keeps decimals as text.</summary>
internal static class TradeComparisons
{
    private const string Usd = "USD";
    private const string Ratio = "ratio";

    /// <summary>The observations that are trade figures: those whose metric names trade.</summary>
    public static IQueryable<Observation> Trade(this Q7x2Db db) => db.Observations.AsNoTracking().Where(o => o.Metric.Contains("trade"));

    /// <summary>Responses for figure rows, in their order: three queries for the figures, three for their peers and claims.</summary>
    public static async Task<List<TradeFigureResponse>> FiguresAsync(Q7x2Db db, IReadOnlyList<Observation> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var figures = await ObservationQueries.ResponsesAsync(db, rows, ct);
        var metrics = figures.Where(f => f.Unit == Usd).Select(f => f.Metric).Distinct().ToList();
        var countries = figures.SelectMany(f => f.Subjects.Select(s => s.Id)).Distinct().ToList();
        // Read from the countries' observations (an index lookup per country), not by unit, which no index serves.
        var ofCountries = db.ObservationSubjects.Where(s => countries.Contains(s.EntityId)).Select(s => s.ObservationId);
        var rowsOfPeers = await db.Trade()
            .Where(o => ofCountries.Contains(o.Id) && ((o.Unit == Usd && metrics.Contains(o.Metric)) || o.Unit == Ratio))
            .ToListAsync(ct);
        var subjects = await ObservationQueries.SubjectsAsync(db, [.. rowsOfPeers.Select(p => p.Id)], ct);
        var quotes = await RecordLoader.ObservationEvidenceAsync(db, [.. rowsOfPeers.Where(p => p.Unit == Ratio).Select(p => p.Id)], ct);
        var peers = rowsOfPeers.Select(p => new Peer(p, [.. subjects[p.Id]], [.. quotes[p.Id].Select(q => q.Exact)])).ToList();
        return [.. figures.Select(f => TradeFigureResponse.Of(f, Compare(f, peers)))];
    }

    private static List<TradeComparison> Compare(ObservationResponse figure, List<Peer> peers)
    {
        if (figure.Unit != Usd || figure.Period is not { } period)
        {
            return [];
        }

        var countries = figure.Subjects.Select(s => s.Id).ToHashSet();
        var claim = peers.Where(p => p.Row.Unit == Ratio && p.Countries.SetEquals(countries) && Same(p.Row.Period, period))
            .OrderBy(p => p.Row.Id, StringComparer.Ordinal).Select(Claim).FirstOrDefault();
        return [.. peers
            .Where(p => p.Row.Unit == Usd && p.Row.Metric == figure.Metric && p.Row.Id != figure.Id
                && p.Row.Period is not null && !Same(p.Row.Period, period) && p.Countries.SetEquals(countries))
            .OrderBy(p => p.Row.Period!.From).ThenBy(p => p.Row.Id, StringComparer.Ordinal)
            .Select(p => Derive(figure.Value, p.Row, claim))];
    }

    /// <summary>Never throws: a ratio or change that cannot be computed is null, and <c>reason</c> says why.</summary>
    private static TradeComparison Derive(decimal value, Observation other, TradeClaim? claim)
    {
        var against = Quantity.Normalize(other.Value);
        var change = Checked(() => value - against);
        decimal? ratio = against == 0 ? null : Checked(() => Math.Round(value / against, 2, MidpointRounding.AwayFromZero));
        var reason = (against == 0, ratio is null, change is null) switch
        {
            (true, _, false) => $"ratio: '{other.Id}' is 0.",
            (true, _, true) => $"ratio: '{other.Id}' is 0; change: beyond the range of a decimal.",
            (false, true, true) => "ratio and change: beyond the range of a decimal.",
            (false, true, false) => "ratio: beyond the range of a decimal.",
            (false, false, true) => "change: beyond the range of a decimal.",
            _ => null,
        };
        return new TradeComparison(other.Id, ratio, change, reason, Derived: true, claim);
    }

    private static decimal? Checked(Func<decimal> compute)
    {
        try
        {
            return Quantity.Normalize(compute());
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The claim with the quote that states its number (e.g. "15 times"), else its first quote.</summary>
    private static TradeClaim Claim(Peer p)
    {
        var value = Quantity.Normalize(p.Row.Value);
        var number = new Regex($@"(?<![\d.,]){Regex.Escape(value.ToString(CultureInfo.InvariantCulture))}(?![.,]?\d)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return new TradeClaim(p.Row.Id, value, p.Row.Comparator, p.Quotes.FirstOrDefault(number.IsMatch) ?? p.Quotes.FirstOrDefault() ?? "");
    }

    private static bool Same(FuzzyDate? a, FuzzyDateResponse b) => a is not null && a.From == b.From && a.To == b.To;

    private sealed record Peer(Observation Row, HashSet<string> Countries, List<string> Quotes);
}
