using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Observations;

namespace Q7x2.Api.Features.TradeFigures;

/// <summary>A trade observation with the comparisons derived from the other figures of the same series.</summary>
/// <param name="Id">The observation's id.</param>
/// <param name="Metric">What is measured: bilateral-trade-value, annual-bilateral-trade-value, trade-growth-multiple…</param>
/// <param name="Countries">The trading parties (the observation's subjects).</param>
/// <param name="Value">The number (a JSON number, exact decimal).</param>
/// <param name="Unit">USD for values, ratio for multiples the source states.</param>
/// <param name="Comparator">eq, gt, gte, lt, lte or approx.</param>
/// <param name="Period">The period the figure covers.</param>
/// <param name="Modality">stated, reported, proposed, discussed, hoped or assessed.</param>
/// <param name="Attribution">Who the source attributes it to, if anyone.</param>
/// <param name="Note">A curator's note.</param>
/// <param name="Evidence">The quotes that support it.</param>
/// <param name="Comparisons">Derived comparisons with every other USD figure of the same metric and countries over a different period.</param>
public sealed record TradeFigureResponse(
    string Id, string Metric, IReadOnlyList<EntityRef> Countries, decimal Value, string Unit, string Comparator,
    FuzzyDateResponse? Period, string Modality, EntityRef? Attribution, string? Note, IReadOnlyList<EvidenceResponse> Evidence,
    IReadOnlyList<TradeComparison> Comparisons)
{
    internal static TradeFigureResponse Of(ObservationResponse o, IReadOnlyList<TradeComparison> comparisons) =>
        new(o.Id, o.Metric, o.Subjects, o.Value, o.Unit, o.Comparator, o.Period, o.Modality, o.Attribution, o.Note, o.Evidence, comparisons);
}

/// <summary>This figure compared with another, computed by the API from the stored values (not stated by the source).</summary>
/// <param name="Against">The id of the other trade figure.</param>
/// <param name="Ratio">This value divided by the other, rounded to 2 decimals; null when it cannot be computed (see <c>reason</c>).</param>
/// <param name="Change">This value minus the other (negative when this figure is smaller); null when it cannot be computed (see <c>reason</c>).</param>
/// <param name="Reason">Why <c>ratio</c> or <c>change</c> is null (the other figure is 0, or the result is beyond the range of a decimal); null when both are given.</param>
/// <param name="Derived">Always true: computed here, not quoted. Compare with <c>claimed</c>.</param>
/// <param name="Claimed">The multiple the source itself claims for this figure's period, when it states one.</param>
public sealed record TradeComparison(string Against, decimal? Ratio, decimal? Change, string? Reason, bool Derived, TradeClaim? Claimed);

/// <summary>A multiple the source states (an observation in unit ratio), e.g. "15 times more".</summary>
/// <param name="Id">The id of the ratio observation.</param>
/// <param name="Value">The multiple as stated, e.g. 15.</param>
/// <param name="Comparator">How exact the source is: approx for a rounded "15 times".</param>
/// <param name="Text">The quote of the source that states the multiple.</param>
public sealed record TradeClaim(string Id, decimal Value, string Comparator, string Text);
