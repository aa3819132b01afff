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

    /// <summary><c>from</c> must not be after <c>to</c>.</summary>
    public static void DateRange<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to) =>
        validator.RuleFor(q => from(q)).Must((q, f) => f is null || to(q) is null || f <= to(q)).OverridePropertyName("from")
            .WithMessage(q => $"'from' ({from(q):yyyy-MM-dd}) is after 'to' ({to(q):yyyy-MM-dd}).");
}
