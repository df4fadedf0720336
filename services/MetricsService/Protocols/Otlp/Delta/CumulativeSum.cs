namespace AirisEpm.MetricsService.Protocols.Otlp.Delta;

/// <summary>The running total of a delta sum.</summary>
public sealed record CumulativeSum(double Value) : IAccumulable<CumulativeSum>
{
    public CumulativeSum Plus(CumulativeSum delta) => new(Value + delta.Value);
}
