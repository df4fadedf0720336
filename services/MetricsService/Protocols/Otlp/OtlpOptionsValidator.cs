using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>Checks <see cref="OtlpOptions"/> at start, naming each bad entry.</summary>
public sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.PromoteResourceAttributes.Count; i++)
        {
            var attribute = options.PromoteResourceAttributes[i];
            var key = $"{OtlpOptions.Section}:PromoteResourceAttributes:{i}";
            if (string.IsNullOrWhiteSpace(attribute))
            {
                failures.Add($"{key}: an attribute name must not be empty.");
                continue;
            }

            if (OtlpResource.IsIdentifying(attribute))
            {
                failures.Add($"{key}: '{attribute}' is already the job or instance label; promote other attributes.");
                continue;
            }

            var label = PrometheusNames.SanitizeLabelName(attribute);
            if (label is "job" or "instance")
            {
                failures.Add($"{key}: '{attribute}' would become the label '{label}', which the resource's service attributes set.");
            }
            else if (!labels.TryAdd(label, attribute))
            {
                failures.Add($"{key}: '{attribute}' becomes the label '{label}', as '{labels[label]}' does.");
            }
        }

        if (options.DeltaMaxStale <= TimeSpan.Zero)
        {
            failures.Add($"{OtlpOptions.Section}:DeltaMaxStale must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
