using AirisEpm.MetricsService.Protocols;
using FluentValidation;

namespace AirisEpm.MetricsService.Scraping;

public sealed class ScrapeTargetRequestValidator : AbstractValidator<ScrapeTargetRequest>
{
    public const int MaxExtraLabels = 20;
    private static readonly HashSet<string> ReservedLabels = ["job", "instance", "le", "quantile"];

    public ScrapeTargetRequestValidator()
    {
        RuleFor(r => r.Url)
            .NotEmpty()
            .MaximumLength(2048)
            .Must(IsHttpUrl).WithMessage("'Url' must be an absolute http:// or https:// URL without credentials.");
        RuleFor(r => r.Job)
            .MaximumLength(128)
            .Must(j => j is null || j.Trim().Length > 0).WithMessage("'Job' must not be blank.");
        RuleFor(r => r.IntervalSeconds)
            .InclusiveBetween(1, 3600).When(r => r.IntervalSeconds is not null);
        RuleFor(r => r.Labels)
            .Must(l => l is null || l.Count <= MaxExtraLabels).WithMessage($"'Labels' must have at most {MaxExtraLabels} entries.");
        RuleForEach(r => r.Labels).ChildRules(label =>
        {
            label.RuleFor(l => l.Key)
                .Must(k => PrometheusNames.IsValidLabelName(k) && !k.StartsWith("__", StringComparison.Ordinal))
                .WithMessage("label name '{PropertyValue}' must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __.")
                .Must(k => !ReservedLabels.Contains(k))
                .WithMessage("label name '{PropertyValue}' is set by the scraper itself.");
            label.RuleFor(l => l.Value).NotEmpty().MaximumLength(1024);
        });
    }

    public static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);
}
