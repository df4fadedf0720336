namespace AirisEpm.MetricsService.Sla;

/// <summary>One objective: what was measured, the target, and MET or BREACH (NO_DATA when nothing was measured).</summary>
public sealed record SlaObjective(string Name, double? Actual, double Target, string Unit, string Status)
{
    public const string Met = "MET";
    public const string Breach = "BREACH";
    public const string NoData = "NO_DATA";
}

public sealed record SlaReport(
    string Service,
    DateTimeOffset Start,
    DateTimeOffset End,
    double TotalRequests,
    SlaObjective Availability,
    SlaObjective P95Latency,
    SlaObjective ErrorRate,
    SlaObjective Throughput,
    string Overall);
