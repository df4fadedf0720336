namespace AirisEpm.TraceService.Analysis.Graph;

public enum ChangeKind
{
    /// <summary>Present in the later window only.</summary>
    New = 1,

    /// <summary>Present in the earlier window only.</summary>
    Vanished = 2,

    /// <summary>Present in both, figures compared.</summary>
    Compared = 3,
}

/// <summary>
/// One edge's or node's figures in two windows and the change (after − before; a missing side counts
/// as zero calls). <see cref="P95Ratio"/> is after / before, null when either side has no calls.
/// </summary>
public sealed record MetricsChange(
    ChangeKind Kind, WindowMetrics? Before, WindowMetrics? After,
    double CallsPerSecondChange, double ErrorRateChange, long P95ChangeNs, double? P95Ratio)
{
    public static MetricsChange Between(WindowMetrics? before, WindowMetrics? after)
    {
        var kind = (before, after) switch
        {
            (null, null) => throw new ArgumentException("At least one side must have figures."),
            (null, _) => ChangeKind.New,
            (_, null) => ChangeKind.Vanished,
            _ => ChangeKind.Compared,
        };
        double? ratio = before is { Calls: > 0, P95Ns: > 0 } && after is { Calls: > 0 } ? (double)after.P95Ns / before.P95Ns : null;
        return new MetricsChange(
            kind, before, after,
            (after?.CallsPerSecond ?? 0) - (before?.CallsPerSecond ?? 0),
            (after?.ErrorRate ?? 0) - (before?.ErrorRate ?? 0),
            (after?.P95Ns ?? 0) - (before?.P95Ns ?? 0),
            ratio);
    }
}
