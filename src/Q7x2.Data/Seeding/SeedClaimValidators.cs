using FluentValidation;
using Q7x2.Data.Entities;

namespace Q7x2.Data.Seeding;

public sealed class SeedClaimValidator : AbstractValidator<SeedClaim>
{
    public SeedClaimValidator()
    {
        RuleFor(c => c.Id).Slug();
        RuleFor(c => c.Source).Slug();
        RuleFor(c => c.Quote).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Occurrence).InclusiveBetween(1, Text.QuoteLocator.MaxOccurrence);
        RuleFor(c => c.Subjects).NotEmpty();
        RuleFor(c => c.Rule).NotNull().OneOf(ClaimRules.All);
        RuleFor(c => c.Unit).NotNull()
            .Must((c, unit) => c.Rule is null || !ClaimRules.Units.TryGetValue(c.Rule, out var units) || units.Contains(unit))
            .WithMessage(c => $"'{c.Unit}' is not a unit of a {c.Rule} claim: {string.Join(", ", ClaimRules.Units.GetValueOrDefault(c.Rule) ?? [])}");
        RuleFor(c => c.Value).InclusiveBetween(0, SeedRules.MaxQuantity);
        RuleFor(c => c.Qualifier).Slug();
        RuleFor(c => c.Missing).NotEmpty().MaximumLength(2000).When(c => c.Missing is not null);
        RuleFor(c => c.Note).MaximumLength(2000);
        RuleForEach(c => c.Operands).ChildRules(o =>
        {
            o.RuleFor(x => x.Role).NotEmpty();
            o.RuleFor(x => x.Record).Slug();
        });
        RuleFor(c => c.Operands).Custom((operands, context) =>
        {
            var claim = context.InstanceToValidate;
            if (claim.Rule is null || !ClaimRules.Roles.TryGetValue(claim.Rule, out var roles) || operands is null)
            {
                return;
            }

            foreach (var operand in operands.Where(o => o?.Role is not null && o.Role != ClaimRules.Stated && !roles.Contains(o.Role)))
            {
                context.AddFailure($"'{operand.Role}' is not a role of a {claim.Rule} claim: {string.Join(", ", roles)} or {ClaimRules.Stated}");
            }

            // A claim that says what is missing may lack the records it would be computed from; any other needs each of its rule's roles.
            if (claim.Missing is null)
            {
                foreach (var role in roles)
                {
                    var count = operands.Count(o => o?.Role == role);
                    if (count == 0 || (count > 1 && claim.Rule != ClaimRules.Count))
                    {
                        context.AddFailure($"a {claim.Rule} claim needs {(claim.Rule == ClaimRules.Count ? "one or more records" : "exactly one record")} "
                            + $"as '{role}' (it has {count}), or 'missing' saying why it cannot be computed");
                    }
                }
            }
        });
    }
}

public sealed class SeedClaimQualifierValidator : AbstractValidator<SeedClaimQualifier>
{
    public SeedClaimQualifierValidator()
    {
        RuleFor(q => q.Id).Slug();
        RuleFor(q => q.Label).NotEmpty().MaximumLength(200);
        RuleFor(q => q.Description).NotEmpty().MaximumLength(2000);
        RuleFor(q => q.LowerFactor).InclusiveBetween(0, 1000);
        RuleFor(q => q.UpperFactor).GreaterThanOrEqualTo(q => q.LowerFactor).LessThanOrEqualTo(1000).When(q => q.UpperFactor is not null);
    }
}

public sealed class SeedCoverageNoteValidator : AbstractValidator<SeedCoverageNote>
{
    public SeedCoverageNoteValidator()
    {
        RuleFor(n => n.Source).Slug();
        RuleFor(n => n.Quote).NotEmpty().MaximumLength(4000);
        RuleFor(n => n.Occurrence).InclusiveBetween(1, Text.QuoteLocator.MaxOccurrence);
        RuleFor(n => n.Kind).NotNull().OneOf(CoverageNotes.Kinds);
        RuleFor(n => n.Reason).Must(r => r is not null && CoverageNotes.Reasons.Contains(r)).When(n => n.Kind == CoverageNotes.Reason)
            .WithMessage($"a reason note needs a reason: {string.Join(", ", CoverageNotes.Reasons)}");
        RuleFor(n => n.Reason).Null().When(n => n.Kind is CoverageNotes.Join or CoverageNotes.Split).WithMessage("only a reason note has a reason");
        RuleFor(n => n.Note).MaximumLength(2000);
    }
}
