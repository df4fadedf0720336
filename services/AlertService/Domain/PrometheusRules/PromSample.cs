namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>One sample of an instant query's answer: the series labels (<c>__name__</c> included when present) and the value.</summary>
public sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>An instant query's answer: samples (a scalar answer is one sample without labels), or why there is none.</summary>
public sealed record PromQueryAnswer(IReadOnlyList<PromSample>? Samples, string? Error)
{
    public static PromQueryAnswer Of(IReadOnlyList<PromSample> samples) => new(samples, null);

    public static PromQueryAnswer Failed(string error) => new(null, error);
}
