using System.Globalization;
using Q7x2.Api.Features.Common;
using Q7x2.Data.Entities;

namespace Q7x2.Api.Features.Claims;

/// <summary>A record as a claim uses it: an entity, a fact or an observation, with its value and date.</summary>
internal sealed record ClaimRecord(string Id, string Kind, string? Name, decimal? Value, string? Unit, string? Comparator, FuzzyDate? Date);

/// <summary>
/// Checks a claim by its rule, from the records as they stand: one piece of code for every claim, the rule and its records being
/// data. A figure from fuzzy dates is a range; the claim is consistent when that range meets the range its qualifier allows.
/// </summary>
internal static class ClaimChecks
{
    /// <summary>Days in an average Gregorian month and year: a difference in days is turned into months and years by these.</summary>
    private const decimal DaysPerMonth = 30.436875m;
    private const decimal DaysPerYear = 365.2425m;

    public static ClaimResponse Check(
        Claim claim, ClaimQualifier qualifier, IReadOnlyDictionary<string, ClaimRecord> records, IReadOnlyList<EntityRef> subjects)
    {
        var min = claim.StatedValue * qualifier.LowerFactor;
        decimal? max = qualifier.UpperFactor is { } upper ? claim.StatedValue * upper : null;
        var tolerance = new ToleranceResponse(qualifier.Id, qualifier.Label, qualifier.Description, Quantity.Normalize(min),
            qualifier.LowerInclusive, max is { } m ? Quantity.Normalize(m) : null, qualifier.UpperInclusive);
        var (computed, explanation) = claim.Missing is { } missing
            ? (null, $"Unverifiable: checking it would need {missing}; nothing but its own quote supports it.")
            : Compute(claim, records);
        string status;
        if (computed is null)
        {
            status = ClaimStatus.Unverifiable;
        }
        else
        {
            var meets = (qualifier.LowerInclusive ? computed.Max >= tolerance.Min : computed.Max > tolerance.Min)
                && (tolerance.Max is not { } top || (qualifier.UpperInclusive ? computed.Min <= top : computed.Min < top));
            status = meets ? ClaimStatus.Consistent : ClaimStatus.Inconsistent;
            explanation += $" “{qualifier.Label}” {Number(claim.StatedValue)} allows {Allowed(tolerance)}: {status}.";
        }

        return new ClaimResponse(claim.Id, claim.SourceId, claim.Rule, new StatedFigureResponse(Quantity.Normalize(claim.StatedValue), claim.Unit, qualifier.Id),
            tolerance, computed, status, explanation, subjects,
            [.. claim.Operands.OrderBy(o => o.Position).Select(o => Describe(o, records.GetValueOrDefault(o.RecordId)))],
            claim.Note, [new EvidenceResponse(claim.SourceId, claim.Start, claim.End, claim.Exact, claim.Prefix, claim.Suffix)]);
    }

    private static ClaimRecordResponse Describe(ClaimOperand operand, ClaimRecord? record) => record is null
        ? new(operand.Role, operand.RecordId, null, null, null, null, null, null)
        : new(operand.Role, record.Id, record.Kind, record.Name, record.Value, record.Unit, record.Comparator, FuzzyDateResponse.Of(record.Date));

    /// <summary>The computed range and how it was computed, or null and what stands in the way.</summary>
    private static (ComputedFigureResponse? Figure, string Explanation) Compute(Claim claim, IReadOnlyDictionary<string, ClaimRecord> records)
    {
        var operands = claim.Operands.Where(o => o.Role != ClaimRules.Stated).OrderBy(o => o.Position).ToList();
        if (operands.FirstOrDefault(o => !records.ContainsKey(o.RecordId)) is { } gone)
        {
            return (null, $"Unverifiable: '{gone.RecordId}' ({gone.Role}) no longer exists.");
        }

        ClaimRecord One(string role) => records[operands.First(o => o.Role == role).RecordId];
        return claim.Rule switch
        {
            ClaimRules.Ratio => Ratio(One("numerator"), One("denominator"), claim.Unit),
            ClaimRules.Difference => Difference(One("from"), One("to"), claim.Unit),
            ClaimRules.Duration => Duration(One("of"), claim.Unit),
            ClaimRules.Count => (Exact(operands.Count, claim.Unit), $"{operands.Count} records counted: {string.Join(", ", operands.Select(o => o.RecordId))}."),
            ClaimRules.Bound => Exactly(One("value")) is { } value
                ? (Exact(value, claim.Unit), $"'{One("value").Id}' is {Number(value)} {One("value").Unit}.")
                : (null, NotExact(One("value"))),
            _ => (null, $"Unverifiable: '{claim.Rule}' is not a rule this API knows."),
        };
    }

    private static (ComputedFigureResponse?, string) Ratio(ClaimRecord numerator, ClaimRecord denominator, string unit)
    {
        if (Exactly(numerator) is not { } top)
        {
            return (null, NotExact(numerator));
        }

        if (Exactly(denominator) is not { } bottom)
        {
            return (null, NotExact(denominator));
        }

        if (bottom == 0)
        {
            return (null, $"Unverifiable: '{denominator.Id}' is 0.");
        }

        var ratio = Round(top / bottom);
        return (Exact(ratio, unit), $"{Number(top)} {numerator.Unit} ('{numerator.Id}') / {Number(bottom)} {denominator.Unit} ('{denominator.Id}') = {Number(ratio)}.");
    }

    /// <summary>
    /// From the earliest to the latest the two dates allow: <c>to.from − from.to</c> to <c>to.to − from.from</c> days, in months or
    /// years by the average Gregorian month and year, or (calendar-year) the difference of the year numbers.
    /// </summary>
    private static (ComputedFigureResponse?, string) Difference(ClaimRecord from, ClaimRecord to, string unit)
    {
        if (from.Date is not { } start || to.Date is not { } end)
        {
            return (null, $"Unverifiable: '{(from.Date is null ? from.Id : to.Id)}' has no date.");
        }

        var (fewest, most) = (end.From.DayNumber - start.To.DayNumber, end.To.DayNumber - start.From.DayNumber);
        var span = $"From '{from.Id}' ({start.Text}: {Day(start.From)} to {Day(start.To)}) to '{to.Id}' ({end.Text}: {Day(end.From)} to {Day(end.To)})";
        return unit switch
        {
            "calendar-year" => (Range(end.From.Year - start.To.Year, end.To.Year - start.From.Year, unit),
                $"{span}: {Between(end.From.Year - start.To.Year, end.To.Year - start.From.Year)} in year numbers."),
            "month" => (Range(Round(fewest / DaysPerMonth), Round(most / DaysPerMonth), unit),
                $"{span}: {Between(fewest, most)} days, {Between(Round(fewest / DaysPerMonth), Round(most / DaysPerMonth))} months of {Number(DaysPerMonth)} days."),
            "year" => (Range(Round(fewest / DaysPerYear), Round(most / DaysPerYear), unit),
                $"{span}: {Between(fewest, most)} days, {Between(Round(fewest / DaysPerYear), Round(most / DaysPerYear))} years of {Number(DaysPerYear)} days."),
            _ => (Range(fewest, most, unit), $"{span}: {Between(fewest, most)} days."),
        };
    }

    /// <summary>The days a date spans, counted inclusively: exact for a date to the day, else from one day to the whole interval.</summary>
    private static (ComputedFigureResponse?, string) Duration(ClaimRecord of, string unit)
    {
        if (of.Date is not { } date)
        {
            return (null, $"Unverifiable: '{of.Id}' has no date.");
        }

        var days = date.To.DayNumber - date.From.DayNumber + 1;
        var fewest = date.Precision == "day" ? days : 1;
        return (Range(fewest, days, unit), $"'{of.Id}' ({date.Text}: {Day(date.From)} to {Day(date.To)}) spans {Between(fewest, days)} days, counted inclusively.");
    }

    /// <summary>An observation's value when it is a figure, not a bound (eq or approx).</summary>
    private static decimal? Exactly(ClaimRecord record) =>
        record is { Value: { } value, Comparator: "eq" or "approx" } ? Quantity.Normalize(value) : null;

    private static string NotExact(ClaimRecord record) => record.Value is null
        ? $"Unverifiable: '{record.Id}' has no value."
        : $"Unverifiable: '{record.Id}' states only a bound ({record.Comparator} {Number(record.Value.Value)}), not a figure.";

    private static ComputedFigureResponse Exact(decimal value, string unit) => Range(value, value, unit);

    private static ComputedFigureResponse Range(decimal min, decimal max, string unit) => new(Quantity.Normalize(min), Quantity.Normalize(max), unit);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Between(decimal min, decimal max) => min == max ? Number(min) : $"{Number(min)} to {Number(max)}";

    private static string Allowed(ToleranceResponse t) =>
        $"{(t.MinInclusive ? "from" : "above")} {Number(t.Min)}" + (t.Max is { } max ? $" {(t.MaxInclusive ? "to" : "below")} {Number(max)}" : " with no upper bound");

    private static string Number(decimal value) => Quantity.Normalize(value).ToString("#,0.##########", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
