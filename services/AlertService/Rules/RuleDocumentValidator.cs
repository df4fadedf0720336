using FluentValidation;

namespace AirisEpm.AlertService.Rules;

/// <summary>FluentValidation adapter over <see cref="RuleDocumentMapper"/> (and so <c>RuleValidator</c>): one failure per field and reason.</summary>
public sealed class RuleDocumentValidator : AbstractValidator<RuleDocument>
{
    public RuleDocumentValidator()
    {
        RuleFor(r => r).Custom((document, context) =>
        {
            foreach (var (field, reason) in RuleDocumentMapper.Map("validation", document).Errors)
            {
                context.AddFailure(field, reason);
            }
        });
    }
}
