using System.Globalization;
using FluentValidation;

namespace Q7x2.Api.Infrastructure;

/// <summary>Rules shared by the list queries' validators.</summary>
internal static class QueryRules
{
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static IRuleBuilderOptions<T, string?> Id<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(100).Matches(SlugPattern).WithMessage("'{PropertyValue}' is not an id (a lowercase slug such as 'sadyr-japarov').");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> allowed) =>
        rule.Must(v => v is null || allowed.Contains(v)).WithMessage($"'{{PropertyValue}}' is not one of: {string.Join(", ", allowed)}.");

    /// <summary>
    /// A calendar date written exactly <c>yyyy-MM-dd</c>. Date filters bind as text and are parsed here, so a bad date is a
    /// validation error naming its parameter (binding a <c>DateOnly</c> would also accept "7/8/2025" and name nothing).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || ParseDate(v) is not null).WithMessage("'{PropertyValue}' is not a date of the form yyyy-MM-dd.");

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary><c>from</c> must not be after <c>to</c>.</summary>
    public static void DateRange<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to) =>
        validator.RuleFor(q => from(q)).Must((q, f) => f is null || to(q) is null || f <= to(q)).OverridePropertyName("from")
            .WithMessage(q => $"'from' ({from(q):yyyy-MM-dd}) is after 'to' ({to(q):yyyy-MM-dd}).");
}
