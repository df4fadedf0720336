namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>Per-request wall and server-CPU milliseconds of one query on one server, with their median and p95.</summary>
public sealed class Timings
{
    private readonly List<double> _wallMs = [];
    private readonly List<double> _cpuMs = [];

    public void Add(double wallMs, double cpuMs)
    {
        _wallMs.Add(wallMs);
        _cpuMs.Add(cpuMs);
    }

    public int Count => _wallMs.Count;

    public double MedianMs => Percentile(_wallMs, 0.5);

    public double P95Ms => Percentile(_wallMs, 0.95);

    public double MedianCpuMs => Percentile(_cpuMs, 0.5);

    /// <summary>Nearest rank: with few repetitions the p95 is the slowest one.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
