using System.Globalization;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>A dashboard query: a range query over the whole data at a 1-minute step, or an instant query at its end.</summary>
public sealed record BenchQuery(string Name, string Expr, bool IsRange)
{
    public const long StepMs = 60_000;

    /// <summary>
    /// The dashboard: three panels over every series, a graph of one series over the whole day (its samples are spread
    /// over the day among everyone else's), and one single-series lookup, as an alert rule would ask.
    /// </summary>
    public static IReadOnlyList<BenchQuery> Dashboard { get; } =
    [
        new("sum by job of rate", "sum by (job) (rate(bench_requests_total[5m]))", true),
        new("p99 of histogram", "histogram_quantile(0.99, sum by (le) (rate(bench_latency_seconds_bucket[5m])))", true),
        new("topk 10 of rate", "topk(10, rate(bench_requests_total[5m]))", true),
        new("one series, rate", "rate(bench_requests_total{job=\"job-07\", instance=\"inst-3\"}[5m])", true),
        new("one series, instant", "bench_requests_total{job=\"job-07\", instance=\"inst-3\"}", false),
    ];

    /// <summary>From the first scrape minute to the last at a 1-minute step, times ending in .500 s; an instant query is at the end.</summary>
    public static (long StartMs, long EndMs) Window(BenchData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var start = data.StartMs + 500;
        return (start, start + ((data.Scrapes - 1) * StepMs));
    }

    public string PathAndQuery(BenchData data)
    {
        var (start, end) = Window(data);
        return IsRange
            ? $"/api/v1/query_range?query={Uri.EscapeDataString(Expr)}&start={Seconds(start)}&end={Seconds(end)}&step=60"
            : $"/api/v1/query?query={Uri.EscapeDataString(Expr)}&time={Seconds(end)}";
    }

    private static string Seconds(long ms) => (ms / 1000m).ToString(CultureInfo.InvariantCulture);
}
