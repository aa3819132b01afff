using FluentValidation;
using Q7x2.Data.Search;

namespace Q7x2.Api.Features.Search;

internal sealed class SearchParametersValidator : AbstractValidator<SearchParameters>
{
    public SearchParametersValidator()
    {
        RuleFor(p => p.Q).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("'q' is required: the words to search for.")
            .Must(q => q!.EnumerateRunes().Count() <= SearchQuery.MaxLength)
            .WithMessage($"'q' must be at most {SearchQuery.MaxLength} characters.")
            .Must(q => !SearchQuery.Parse(q).IsEmpty)
            .WithMessage("'q' has nothing to search for: give at least one word of letters or digits.")
            .Must(q => SearchQuery.Parse(q).Terms.Count() <= SearchQuery.MaxTerms)
            .WithMessage(q => $"'q' has {SearchQuery.Parse(q.Q).Terms.Count()} terms; at most {SearchQuery.MaxTerms} are allowed.")
            .Must(q => !SearchQuery.Parse(q).ShortPrefixes.Any())
            .WithMessage(q => $"A prefix needs at least {SearchQuery.MinPrefixLength} letters or digits before '*': "
                + $"{string.Join(", ", SearchQuery.Parse(q.Q).ShortPrefixes.Select(t => $"'{t.Text}*'"))}.");
        RuleFor(p => p.Kind).Must(k => k is null || SearchTypes.Kinds.Contains(k))
            .WithMessage($"'kind' must be one of: {string.Join(", ", SearchTypes.Kinds)}.");
        RuleFor(p => p.Limit).InclusiveBetween(1, SearchParameters.MaxLimit)
            .WithMessage($"'limit' must be between 1 and {SearchParameters.MaxLimit}.");
        RuleFor(p => p.Cursor).Cascade(CascadeMode.Stop)
            .Must(c => c is null || SearchCursor.Read(c) is not null)
            .WithMessage("'cursor' is not a search cursor this API issued; start again without it.")
            .Must((p, c) => c is null || SearchCursor.Read(c)!.Value.Fingerprint == SearchCursor.Fingerprint(p))
            .WithMessage("'cursor' belongs to a search with another 'q' or 'kind'; start again without it.");
    }
}
