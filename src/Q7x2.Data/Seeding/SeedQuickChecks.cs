using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

/// <summary>
/// The rules of the fact, observation and entity validators (<see cref="SeedFactValidator"/> …) as plain code, for the
/// million records of a large seed: true only when every rule surely passes. A record it does not pass goes through the validator,
/// which words the errors, so a rule missed here costs time, never a wrong answer.
/// </summary>
internal static class SeedQuickChecks
{
    public static bool Fact(SeedFact f) =>
        Slug(f.Id) && Filled(f.Subject) && Filled(f.Predicate)
        && (f.Object is not null ? f.Value is null || Filled(f.Value) : Filled(f.Value))
        && OneOf(f.Modality, Modality.All) && (f.Date is null || Date(f.Date)) && Evidence(f.Evidence);

    public static bool Observation(SeedObservation o)
    {
        if (!Slug(o.Id) || !Slug(o.Metric) || o.Subjects.Count == 0 || !OneOf(o.Unit, Quantity.Units)
            || !OneOf(o.Comparator, Quantity.Comparators) || !OneOf(o.Modality, Modality.All)
            || (o.Period is not null && !Date(o.Period)) || !Evidence(o.Evidence))
        {
            return false;
        }

        return o.Value is >= -SeedRules.MaxQuantity and <= SeedRules.MaxQuantity
            && (o.Value >= 0 || o.Unit == SeedRules.SignedUnit)
            && Quantity.Normalize(o.Value).Scale <= SeedRules.MaxQuantityDecimals;
    }

    public static bool Entity(SeedEntity e)
    {
        if (!Slug(e.Id) || !Filled(e.Name) || e.Name.Length > 300 || !Filled(e.Description) || e.Description.Length > 2000
            || !Evidence(e.Evidence))
        {
            return false;
        }

        foreach (var alias in e.Aliases)
        {
            if (!Filled(alias.Name) || alias.Name.Length > 300 || !OneOf(alias.Type, SeedRules.AliasTypes))
            {
                return false;
            }
        }

        return e switch
        {
            SeedPerson p => p.Role is null || p.Role.Length <= 300,
            SeedCountry c => c.IsoCode is [>= 'A' and <= 'Z', >= 'A' and <= 'Z'],
            SeedPlace p => OneOf(p.PlaceType, SeedRules.PlaceTypes),
            SeedOrganization o => OneOf(o.OrgType, SeedRules.OrgTypes),
            SeedEvent v => OneOf(v.EventType, SeedRules.EventTypes) && (v.Date is null || Date(v.Date)),
            SeedAgreement a => OneOf(a.AgreementType, SeedRules.AgreementTypes) && a.Parties.Count > 0 && a.Areas.All(Filled)
                && (a.Date is null || Date(a.Date)),
            SeedBorderCrossing b => OneOf(b.Status, SeedRules.CrossingStatuses) && b.Countries.Count > 0 && (b.Opened is null || Date(b.Opened)),
            _ => false,
        };
    }

    private static bool Evidence(IReadOnlyList<SeedEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            return false;
        }

        foreach (var e in evidence)
        {
            if (!Slug(e.Source) || !Filled(e.Exact) || e.Exact.Length > 4000
                || e.Occurrence is < 1 or > QuoteLocator.MaxOccurrence)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Date(SeedFuzzyDate d) =>
        Filled(d.Text) && d.Text.Length <= 200 && OneOf(d.Precision, SeedRules.Precisions)
        && (d.Qualifier is null || OneOf(d.Qualifier, SeedRules.Qualifiers)) && OneOf(d.Basis, SeedRules.Bases) && d.To >= d.From
        && (d.Basis != "inferred" || Filled(d.Note)) && SeedFuzzyDateValidator.FitsQualifier(d);

    private static bool Filled(string? s) => !string.IsNullOrWhiteSpace(s);

    private static bool OneOf(string? value, IReadOnlyList<string> allowed)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var a in allowed)
        {
            if (a == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>^[a-z0-9]+(-[a-z0-9]+)*$, at most 100 characters.</summary>
    private static bool Slug(string? s)
    {
        if (s is null || s.Length is 0 or > 100 || s[0] == '-' || s[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '-' ? s[i - 1] == '-' : !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
