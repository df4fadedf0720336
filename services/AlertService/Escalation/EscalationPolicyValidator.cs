using FluentValidation;

namespace AirisEpm.AlertService.Escalation;

/// <summary>Rules for a policy sent to /api/v1/escalation-policies.</summary>
public sealed class EscalationPolicyValidator : AbstractValidator<EscalationPolicy>
{
    public EscalationPolicyValidator()
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(100).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage("Name may hold letters, digits, '_', '.' and '-' only.");
        RuleFor(p => p.Steps).NotEmpty().WithMessage("A policy needs at least one step.");
        RuleForEach(p => p.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.After).GreaterThanOrEqualTo(TimeSpan.Zero);
            step.RuleFor(s => s.Receivers).NotEmpty().WithMessage("A step must notify at least one receiver.");
            step.RuleForEach(s => s.Receivers).NotEmpty();
        });
        RuleFor(p => p.Steps).Must(BeInOrder).When(p => p.Steps is { Count: > 1 })
            .WithMessage("Steps must be ordered by their 'after' delay.");
        RuleFor(p => p.Repeat).InclusiveBetween(0, 100);
        RuleFor(p => p).Must(p => p.Steps[^1].After > TimeSpan.Zero)
            .When(p => p.Repeat > 0 && p.Steps is { Count: > 0 })
            .WithName("Repeat")
            .WithMessage("Repeating needs a last step with a delay above zero, or every round would fire at once.");
    }

    private static bool BeInOrder(IReadOnlyList<EscalationStep> steps) =>
        steps.Zip(steps.Skip(1)).All(pair => pair.First.After <= pair.Second.After);
}
