namespace AirisEpm.TraceService.Analysis.ClockSkew;

/// <summary>Limits on clock-skew adjustment.</summary>
public sealed record ClockSkewOptions
{
    /// <summary>
    /// Shifts larger than this are not applied (Jaeger's <c>max-clock-skew-adjustment</c>). Hosts kept
    /// by NTP drift by milliseconds, a VM without it by seconds to minutes; a computed shift of more
    /// than five minutes says the parent id is wrong or the child is not a call the parent waited for,
    /// and moving it would invent a timeline. The span stays where it was and is listed as skipped.
    /// </summary>
    public long MaxShiftNs { get; init; } = 5L * 60 * 1_000_000_000;

    public static ClockSkewOptions Default { get; } = new();
}
