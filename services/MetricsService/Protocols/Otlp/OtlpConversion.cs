using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>What a request turned into: the samples to ingest and the data points rejected, with why.</summary>
public sealed class OtlpConversion
{
    private const int MaxReasons = 5;
    private readonly List<string> _reasons = [];

    public List<MetricSample> Samples { get; } = [];

    public long RejectedDataPoints { get; private set; }

    /// <summary>The distinct reasons, the first few of them, for the partial_success error_message.</summary>
    public string ErrorMessage => string.Join("; ", _reasons);

    public void Reject(string reason)
    {
        RejectedDataPoints++;
        if (_reasons.Count < MaxReasons && !_reasons.Contains(reason))
        {
            _reasons.Add(reason);
        }
    }
}
