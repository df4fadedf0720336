using System.Globalization;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>
/// One query asked of both servers: an instant query at <see cref="TimeMs"/>, or a range query when
/// <see cref="StepMs"/> is set. <see cref="Excluded"/> names why the answer is not compared (where Prometheus 3, whose
/// semantics the engine follows, answers differently from 2.42); <see cref="Ordered"/> compares the series order too.
/// <see cref="Bug"/> names a reported engine bug this case shows: it must still differ, so the entry goes once it is fixed.
/// </summary>
public sealed record ParityCase(
    string Family, string Expr, long TimeMs, long EndMs = 0, long StepMs = 0, string? Excluded = null, bool Ordered = false, string? Bug = null)
{
    public bool IsRange => StepMs > 0;

    public string PathAndQuery => IsRange
        ? $"/api/v1/query_range?query={Uri.EscapeDataString(Expr)}&start={Seconds(TimeMs)}&end={Seconds(EndMs)}&step={Seconds(StepMs)}"
        : $"/api/v1/query?query={Uri.EscapeDataString(Expr)}&time={Seconds(TimeMs)}";

    public override string ToString() => IsRange
        ? $"{Expr} (range {Seconds(TimeMs)}..{Seconds(EndMs)} step {Seconds(StepMs)})"
        : $"{Expr} (instant {Seconds(TimeMs)})";

    public static string Seconds(long ms) => (ms / 1000m).ToString(CultureInfo.InvariantCulture);
}
