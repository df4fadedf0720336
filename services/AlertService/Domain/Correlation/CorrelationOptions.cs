namespace AirisEpm.AlertService.Domain.Correlation;

/// <summary>Correlation knobs.</summary>
public sealed record CorrelationOptions
{
    /// <summary>
    /// 5m: two alerts are "close in time" when their starts are at most this far apart. Long enough
    /// for a failure to propagate through retries and timeouts of callers, short enough that
    /// unrelated incidents of the same services on the same day stay apart.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);
}
