using FluentValidation;
using FluentValidation.Results;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>Alertmanager's alert validation, each failure keyed by the alert's index and field (<c>[2].labels</c>).</summary>
public sealed class PostableAlertsValidator : AbstractValidator<List<PostableAlert>>
{
    public PostableAlertsValidator()
    {
        RuleFor(alerts => alerts).Custom((alerts, context) =>
        {
            for (var i = 0; i < alerts.Count; i++)
            {
                if (alerts[i] is null)
                {
                    context.AddFailure(new ValidationFailure($"[{i}]", "an alert object is required"));
                    continue;
                }

                foreach (var error in alerts[i].ToDomain().Validate())
                {
                    var colon = error.IndexOf(": ", StringComparison.Ordinal);
                    var field = colon > 0 ? error[..colon] : "alert";
                    context.AddFailure(new ValidationFailure($"[{i}].{field}", colon > 0 ? error[(colon + 2)..] : error));
                }
            }
        });
    }
}
