using System.Globalization;

/// <summary>One system's round: alerts posted, wall time, and the CPU its process used over the round and the 4 s after.</summary>
internal sealed record RoundResult(string System, int Alerts, TimeSpan Wall, TimeSpan ServerCpu)
{
    public double AlertsPerSecond => Alerts / Wall.TotalSeconds;

    public double CpuMicrosPerAlert => ServerCpu.TotalMicroseconds / Alerts;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{System,-14} {Alerts,8:N0} alerts in {Wall.TotalSeconds,6:F2} s = {AlertsPerSecond,8:N0} alerts/s, CPU {CpuMicrosPerAlert,5:F1} µs/alert (load {File.ReadAllText("/proc/loadavg").Trim()})");
}
