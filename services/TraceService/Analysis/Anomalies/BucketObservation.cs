namespace AirisEpm.TraceService.Analysis.Anomalies;

/// <summary>One bucket of one key: its calls, errors and p95 latency.</summary>
public readonly record struct BucketObservation(long Calls, long Errors, long P95Ns)
{
    public double ErrorRate => Calls == 0 ? 0 : (double)Errors / Calls;
}
