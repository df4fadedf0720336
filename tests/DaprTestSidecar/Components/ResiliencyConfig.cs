namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>The parts of resiliency.yaml the test sidecar applies: named retry policies and component targets.</summary>
public sealed class ResiliencyConfig(
    IReadOnlyDictionary<string, RetryPolicy> retries,
    IReadOnlyDictionary<string, string> inboundRetryByComponent)
{
    public static readonly ResiliencyConfig Empty = new(new Dictionary<string, RetryPolicy>(), new Dictionary<string, string>());

    public IReadOnlyDictionary<string, RetryPolicy> Retries => retries;

    /// <summary>The retry policy for deliveries from <paramref name="component"/> into the app.</summary>
    public RetryPolicy InboundRetry(string component) =>
        inboundRetryByComponent.TryGetValue(component, out var name) && retries.TryGetValue(name, out var policy)
            ? policy
            : RetryPolicy.None;
}
