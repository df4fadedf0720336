namespace AirisEpm.TraceService.Analysis.Bottlenecks;

/// <summary>Operations ranked by critical-path time over <see cref="Traces"/> traces.</summary>
public sealed record BottleneckReport(IReadOnlyList<Bottleneck> Ranked, long Traces, long TotalCriticalNs)
{
    public Bottleneck? For(OperationKey key) => Ranked.FirstOrDefault(b => b.Key == key);
}
