namespace AirisEpm.TraceService.Analysis.Bottlenecks;

/// <summary>
/// One operation across a set of traces: <paramref name="Share"/> is its part of all critical-path
/// time (0..1), <paramref name="Rank"/> 1 for the largest; <paramref name="Spans"/> how many spans it
/// had, <paramref name="Traces"/> in how many traces.
/// </summary>
public sealed record Bottleneck(
    OperationKey Key, int Rank, double Share, long CriticalNs, long SelfNs, long Spans, long Traces)
{
    public double MeanCriticalNsPerTrace => Traces == 0 ? 0 : (double)CriticalNs / Traces;
}
