namespace AirisEpm.MetricsService.Sla;

/// <summary>Turns measured traffic and latency into a judged SLA report. Pure.</summary>
public static class SlaCalculator
{
    public static SlaReport Compute(SlaInputs inputs, SlaTargets targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var requests = inputs.Minutes.Sum(m => m.Requests);
        var errors = inputs.Minutes.Sum(m => m.Errors);
        var seconds = Math.Max(1, (inputs.End - inputs.Start).TotalSeconds);

        var measuredMinutes = inputs.Minutes.Where(m => m.Requests > 0).ToList();
        double? availability = measuredMinutes.Count == 0
            ? null
            : 100.0 * measuredMinutes.Count(m => 100.0 * m.Errors / m.Requests <= targets.BadMinuteErrorPercent) / measuredMinutes.Count;
        double? errorRate = requests > 0 ? 100.0 * errors / requests : null;
        double? throughput = requests > 0 ? requests / seconds : null;
        double? p95Ms = HistogramQuantile.Compute(0.95, inputs.LatencyBucketsSeconds) * 1000;

        var objectives = new[]
        {
            Judge("availability", availability, targets.AvailabilityPercent, "%", higherIsBetter: true),
            Judge("p95_latency", p95Ms, targets.P95LatencyMs, "ms", higherIsBetter: false),
            Judge("error_rate", errorRate, targets.ErrorRatePercent, "%", higherIsBetter: false),
            Judge("throughput", throughput, targets.ThroughputRps, "req/s", higherIsBetter: true),
        };
        return new SlaReport(inputs.Service, inputs.Start, inputs.End, requests,
            objectives[0], objectives[1], objectives[2], objectives[3], Overall(objectives));
    }

    private static SlaObjective Judge(string name, double? actual, double target, string unit, bool higherIsBetter)
    {
        if (actual is not { } value)
        {
            return new SlaObjective(name, null, target, unit, SlaObjective.NoData);
        }

        var met = higherIsBetter ? value >= target : value <= target;
        return new SlaObjective(name, Math.Round(value, 4), target, unit, met ? SlaObjective.Met : SlaObjective.Breach);
    }

    /// <summary>BREACH if any objective is breached; NO_DATA if nothing was measured; else MET.</summary>
    private static string Overall(IReadOnlyList<SlaObjective> objectives) =>
        objectives.Any(o => o.Status == SlaObjective.Breach) ? SlaObjective.Breach
        : objectives.All(o => o.Status == SlaObjective.NoData) ? SlaObjective.NoData
        : SlaObjective.Met;
}
