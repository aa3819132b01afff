using FluentValidation;
using Q7x2.Data.Entities;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Search;

internal sealed class SuggestParametersValidator : AbstractValidator<SuggestParameters>
{
    public SuggestParametersValidator()
    {
        RuleFor(p => p.Prefix).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("'prefix' is required: what the user has typed so far.")
            .Must(p => p!.EnumerateRunes().Count() <= SuggestParameters.MaxLength)
            .WithMessage($"'prefix' must be at most {SuggestParameters.MaxLength} characters.")
            .Must(p => SearchQuery.HasWordCharacter(p!))
            .WithMessage("'prefix' has nothing to match: give at least one letter or digit.");
        RuleFor(p => p.Kind).Must(k => k is null || EntityKind.All.Contains(k))
            .WithMessage($"'kind' must be one of: {string.Join(", ", EntityKind.All)}.");
        RuleFor(p => p.Limit).InclusiveBetween(1, SuggestParameters.MaxLimit)
            .WithMessage($"'limit' must be between 1 and {SuggestParameters.MaxLimit}.");
    }
}
