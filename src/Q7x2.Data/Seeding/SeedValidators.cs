using FluentValidation;
using Q7x2.Data.Entities;
using Q7x2.Data.Text;

namespace Q7x2.Data.Seeding;

// Shape rules for each seed record; references between records and quotes against the source
// text are checked afterwards, by SeedLoader, once every file has been read.

public static class SeedRules
{
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    public static readonly string[] AliasTypes = ["alias", "former-name", "demonym"];
    public static readonly string[] Precisions = ["day", "month", "year", "decade"];
    public static readonly string[] Qualifiers = ["early", "mid", "late", "nearly", "before", "after"];
    public static readonly string[] Bases = ["stated", "inferred"];
    public static readonly string[] PlaceTypes = ["city", "district", "region", "valley", "airport", "area"];
    public static readonly string[] OrgTypes = ["media", "government-body", "legislature", "ministry", "military-unit", "ceremonial-unit", "business"];
    public static readonly string[] EventTypes =
        ["state-visit", "visit", "meeting", "summit", "armed-conflict", "civil-war", "independence", "welcome-ceremony",
         "ceremony", "exhibition", "concert", "talks", "announcement", "border-reopening", "border-closure"];
    public static readonly string[] AgreementTypes = ["border-delimitation", "border", "cooperation", "package"];
    public static readonly string[] CrossingStatuses = ["open", "reopened", "closed"];

    /// <summary>The largest magnitude a quantity may have: derived figures (differences, ratios) of two such values always fit a decimal.</summary>
    public const decimal MaxQuantity = 1_000_000_000_000_000m;

    /// <summary>The most decimal places a quantity may have.</summary>
    public const int MaxQuantityDecimals = 6;

    /// <summary>The only unit whose quantities may be negative (a change in percent); money, counts, durations and ratios may not.</summary>
    public const string SignedUnit = "percent";

    public static IRuleBuilderOptions<T, string> Slug<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100).Matches(SlugPattern).WithMessage("'{PropertyValue}' is not a slug (lowercase words joined by '-')");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed) =>
        rule.Must(v => v is null || allowed.Contains(v)).WithMessage($"'{{PropertyValue}}' is not one of: {string.Join(", ", allowed)}");
}

public sealed class SeedEvidenceValidator : AbstractValidator<SeedEvidence>
{
    public SeedEvidenceValidator()
    {
        RuleFor(e => e.Source).Slug();
        RuleFor(e => e.Exact).NotEmpty().MaximumLength(4000);
        RuleFor(e => e.Occurrence).InclusiveBetween(1, QuoteLocator.MaxOccurrence);
    }
}

public sealed class SeedFuzzyDateValidator : AbstractValidator<SeedFuzzyDate>
{
    public SeedFuzzyDateValidator()
    {
        RuleFor(d => d.Text).NotEmpty().MaximumLength(200);
        RuleFor(d => d.Precision).NotNull().OneOf(SeedRules.Precisions);
        RuleFor(d => d.Qualifier).OneOf(SeedRules.Qualifiers);
        RuleFor(d => d.Basis).NotNull().OneOf(SeedRules.Bases);
        RuleFor(d => d.To).GreaterThanOrEqualTo(d => d.From).WithMessage("'to' ({PropertyValue}) is before 'from'");
        RuleFor(d => d.Note).NotEmpty().When(d => d.Basis == "inferred").WithMessage("an inferred date needs a note saying why");
        RuleFor(d => d).Must(FitsQualifier).WithName("qualifier")
            .WithMessage(d => $"'{d.From:yyyy-MM-dd}'..'{d.To:yyyy-MM-dd}' does not fit '{d.Qualifier}' at {d.Precision} precision (early = days 1–10 / Jan–Apr, mid = 11–20 / May–Aug, late = 21–end / Sep–Dec)");
    }

    internal static bool FitsQualifier(SeedFuzzyDate d) => (d.Precision, d.Qualifier) switch
    {
        ("month", "early") => SameMonth(d) && d.From.Day == 1 && d.To.Day == 10,
        ("month", "mid") => SameMonth(d) && d.From.Day == 11 && d.To.Day == 20,
        ("month", "late") => SameMonth(d) && d.From.Day == 21 && d.To.Day == DateTime.DaysInMonth(d.To.Year, d.To.Month),
        ("year", "early") => d.From == new DateOnly(d.From.Year, 1, 1) && d.To == new DateOnly(d.From.Year, 4, 30),
        ("year", "mid") => d.From == new DateOnly(d.From.Year, 5, 1) && d.To == new DateOnly(d.From.Year, 8, 31),
        ("year", "late") => d.From == new DateOnly(d.From.Year, 9, 1) && d.To == new DateOnly(d.From.Year, 12, 31),
        _ => true,
    };

    private static bool SameMonth(SeedFuzzyDate d) => d.From.Year == d.To.Year && d.From.Month == d.To.Month;
}

public sealed class SeedSourceValidator : AbstractValidator<SeedSource>
{
    public SeedSourceValidator()
    {
        RuleFor(s => s.Id).Slug();
        RuleFor(s => s.Title).NotEmpty().MaximumLength(500);
        RuleFor(s => s.Language).NotEmpty().Matches("^[a-z]{2,3}(-[A-Za-z0-9]+)*$");
        RuleFor(s => s.Published!).SetValidator(new SeedFuzzyDateValidator()).When(s => s.Published is not null);
        RuleFor(s => s.File).NotEmpty().Must(f => !Path.IsPathRooted(f) && !f.Contains("..", StringComparison.Ordinal))
            .WithMessage("'{PropertyValue}' must be a path inside seed/");
        RuleFor(s => s.License).NotEmpty().MaximumLength(200).When(s => s.License is not null);
        RuleFor(s => s.RightsHolder).NotEmpty().MaximumLength(200).When(s => s.RightsHolder is not null);
        RuleFor(s => s.Url).Must(SeedRules.IsWebUrl).WithMessage("'{PropertyValue}' is not an absolute http(s) URL").When(s => s.Url is not null);
    }
}

public sealed class SeedPredicateValidator : AbstractValidator<SeedPredicate>
{
    public SeedPredicateValidator()
    {
        RuleFor(p => p.Id).Slug();
        RuleFor(p => p.Label).NotEmpty().MaximumLength(200);
        RuleFor(p => p.InverseLabel).MaximumLength(200);
        RuleFor(p => p.Description).NotEmpty().MaximumLength(2000);
    }
}

public abstract class SeedEntityValidator<T> : AbstractValidator<T>
    where T : SeedEntity
{
    protected SeedEntityValidator()
    {
        RuleFor(e => e.Id).Slug();
        RuleFor(e => e.Name).NotEmpty().MaximumLength(300);
        RuleFor(e => e.Description).NotEmpty().MaximumLength(2000);
        RuleForEach(e => e.Aliases).ChildRules(a =>
        {
            a.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            a.RuleFor(x => x.Type).NotNull().OneOf(SeedRules.AliasTypes);
        });
        RuleFor(e => e.Evidence).NotEmpty().WithMessage("every record needs at least one evidence quote");
        RuleForEach(e => e.Evidence).SetValidator(new SeedEvidenceValidator());
    }

    protected void OptionalDate(Func<T, SeedFuzzyDate?> date, string name) =>
        RuleFor(e => date(e)!).SetValidator(new SeedFuzzyDateValidator()).When(e => date(e) is not null).OverridePropertyName(name);
}

public sealed class SeedPersonValidator : SeedEntityValidator<SeedPerson>
{
    public SeedPersonValidator() => RuleFor(p => p.Role).MaximumLength(300);
}

public sealed class SeedCountryValidator : SeedEntityValidator<SeedCountry>
{
    public SeedCountryValidator() => RuleFor(c => c.IsoCode).Matches("^[A-Z]{2}$").WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 code");
}

public sealed class SeedPlaceValidator : SeedEntityValidator<SeedPlace>
{
    public SeedPlaceValidator() => RuleFor(p => p.PlaceType).NotNull().OneOf(SeedRules.PlaceTypes);
}

public sealed class SeedOrganizationValidator : SeedEntityValidator<SeedOrganization>
{
    public SeedOrganizationValidator() => RuleFor(o => o.OrgType).NotNull().OneOf(SeedRules.OrgTypes);
}

public sealed class SeedEventValidator : SeedEntityValidator<SeedEvent>
{
    public SeedEventValidator()
    {
        RuleFor(e => e.EventType).NotNull().OneOf(SeedRules.EventTypes);
        OptionalDate(e => e.Date, "Date");
    }
}

public sealed class SeedAgreementValidator : SeedEntityValidator<SeedAgreement>
{
    public SeedAgreementValidator()
    {
        RuleFor(a => a.AgreementType).NotNull().OneOf(SeedRules.AgreementTypes);
        RuleFor(a => a.Parties).NotNull(); // empty when the sources do not say who concluded it
        RuleForEach(a => a.Areas).NotEmpty();
        OptionalDate(a => a.Date, "Date");
    }
}

public sealed class SeedBorderCrossingValidator : SeedEntityValidator<SeedBorderCrossing>
{
    public SeedBorderCrossingValidator()
    {
        RuleFor(c => c.Status).NotNull().OneOf(SeedRules.CrossingStatuses);
        RuleFor(c => c.Countries).NotEmpty();
        OptionalDate(c => c.Opened, "Opened");
    }
}

public sealed class SeedFactValidator : AbstractValidator<SeedFact>
{
    public SeedFactValidator()
    {
        RuleFor(f => f.Id).Slug();
        RuleFor(f => f.Subject).NotEmpty();
        RuleFor(f => f.Predicate).NotEmpty();
        // Both: the value states something about the relation between subject and object (an assessment of relations between two countries).
        RuleFor(f => f.Value).NotEmpty().When(f => f.Object is null || f.Value is not null)
            .WithMessage("a fact needs an object or a value (or both, when the value is about the relation between subject and object)");
        RuleFor(f => f.Modality).NotNull().OneOf(Modality.All);
        RuleFor(f => f.Date!).SetValidator(new SeedFuzzyDateValidator()).When(f => f.Date is not null);
        RuleFor(f => f.Evidence).NotEmpty().WithMessage("every record needs at least one evidence quote");
        RuleForEach(f => f.Evidence).SetValidator(new SeedEvidenceValidator());
    }
}

public sealed class SeedObservationValidator : AbstractValidator<SeedObservation>
{
    public SeedObservationValidator()
    {
        RuleFor(o => o.Id).Slug();
        RuleFor(o => o.Metric).Slug();
        RuleFor(o => o.Subjects).NotEmpty();
        RuleFor(o => o.Unit).NotNull().OneOf(Quantity.Units);
        RuleFor(o => o.Comparator).NotNull().OneOf(Quantity.Comparators);
        RuleFor(o => o.Value).InclusiveBetween(-SeedRules.MaxQuantity, SeedRules.MaxQuantity)
            .WithMessage($"'{{PropertyValue}}' is out of range: a quantity's magnitude is at most {SeedRules.MaxQuantity:0}");
        RuleFor(o => o.Value).GreaterThanOrEqualTo(0).When(o => o.Unit != SeedRules.SignedUnit)
            .WithMessage(o => $"'{o.Value}' is negative: only {SeedRules.SignedUnit} may be negative, not {o.Unit}");
        RuleFor(o => o.Value).Must(v => Quantity.Normalize(v).Scale <= SeedRules.MaxQuantityDecimals)
            .WithMessage($"'{{PropertyValue}}' has more than {SeedRules.MaxQuantityDecimals} decimal places");
        RuleFor(o => o.Modality).NotNull().OneOf(Modality.All);
        RuleFor(o => o.Period!).SetValidator(new SeedFuzzyDateValidator()).When(o => o.Period is not null);
        RuleFor(o => o.Evidence).NotEmpty().WithMessage("every record needs at least one evidence quote");
        RuleForEach(o => o.Evidence).SetValidator(new SeedEvidenceValidator());
    }
}

public sealed class SeedNotFactValidator : AbstractValidator<SeedNotFact>
{
    public SeedNotFactValidator()
    {
        RuleFor(n => n.Source).Slug();
        RuleFor(n => n.Term).NotEmpty();
        RuleFor(n => n.Type).NotNull().OneOf(["name", "number"]);
        RuleFor(n => n.Reason).NotEmpty();
    }
}
