using AirisEpm.PromQl.Model;
using FluentValidation;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>
/// The shape checks of a silence (every matcher compiles, times present and ordered, author and
/// comment given). Rules that depend on the clock or the existing silence are the domain's.
/// </summary>
public sealed class PostableSilenceValidator : AbstractValidator<PostableSilence>
{
    public PostableSilenceValidator()
    {
        RuleFor(s => s.Matchers).NotEmpty().WithMessage("at least one matcher is required");
        RuleForEach(s => s.Matchers).Custom((matcher, context) =>
        {
            if (matcher is null)
            {
                context.AddFailure("a matcher object is required");
                return;
            }

            try
            {
                matcher.ToDomain();
            }
            catch (MatcherException ex)
            {
                context.AddFailure(ex.Reason);
            }
        });
        RuleFor(s => s.StartsAt).NotNull().WithMessage("startsAt is required");
        RuleFor(s => s.EndsAt).NotNull().WithMessage("endsAt is required")
            .GreaterThan(s => s.StartsAt).When(s => s.StartsAt is not null).WithMessage("endsAt must be after startsAt");
        RuleFor(s => s.CreatedBy).NotEmpty().WithMessage("createdBy is required");
        RuleFor(s => s.Comment).NotEmpty().WithMessage("comment is required");
    }
}
