using System.Globalization;
using AirisEpm.MetricsService.Tests.Support;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// The benchmark's data, the same for both servers: <see cref="Hours"/> hours at a 1-minute scrape interval of
/// <list type="bullet">
/// <item><c>bench_requests_total{job,instance}</c>: 1,000 counters (100 jobs × 10 instances);</item>
/// <item><c>bench_latency_seconds_bucket{job,instance,le}</c>: a 10-bucket classic histogram on 900 of those targets
/// (9,000 series),</item>
/// </list>
/// 10,000 series and 14.4 million samples over 24 hours. Each target scrapes at its own offset in the minute (never on a
/// whole or half second, so no sample sits on the edge of a query's range, where Prometheus 2.42 and 3 differ).
/// Values come from a hash of (series, minute), so the data is the same however it is cut into requests.
/// </summary>
public sealed class BenchData(long endMs, int hours)
{
    public const int Jobs = 100;
    public const int InstancesPerJob = 10;
    public const int HistogramTargets = 900;
    public const long IntervalMs = 60_000;

    public static readonly string[] Bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];

    private static readonly double[] Shares = [0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.93, 0.97, 0.99, 1.0];

    public int Hours { get; } = hours;

    public int Scrapes => Hours * 60;

    /// <summary>The first scrape minute; the last is <see cref="Scrapes"/> - 1 minutes later, before <c>endMs</c>.</summary>
    public long StartMs { get; } = ((endMs / IntervalMs) - (hours * 60L)) * IntervalMs;

    public static int Targets => Jobs * InstancesPerJob;

    public static int SeriesCount => Targets + (HistogramTargets * Bounds.Length);

    public long SampleCount => (long)SeriesCount * Scrapes;

    public static string Job(int target) => "job-" + (target / InstancesPerJob).ToString("D2", CultureInfo.InvariantCulture);

    public static string Instance(int target) => "inst-" + (target % InstancesPerJob).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One remote_write request: the series <paramref name="firstSeries"/> to <paramref name="firstSeries"/> +
    /// <paramref name="count"/> - 1 (counters first, then each histogram target's buckets), scrapes
    /// <paramref name="fromScrape"/> to <paramref name="toScrape"/> - 1.
    /// </summary>
    public byte[] Request(int firstSeries, int count, int fromScrape, int toScrape)
    {
        var builder = new RemoteWriteBuilder(exemplars: false);
        for (var s = firstSeries; s < Math.Min(firstSeries + count, SeriesCount); s++)
        {
            var samples = new (double, long)[toScrape - fromScrape];
            for (var k = fromScrape; k < toScrape; k++)
            {
                samples[k - fromScrape] = (Value(s, k), Time(s, k));
            }

            builder.Series(Labels(s), samples);
        }

        return builder.ToSnappy();
    }

    private long Time(int series, int scrape) => StartMs + (scrape * IntervalMs) + Offset(TargetOf(series));

    private static int TargetOf(int series) => series < Targets ? series : (series - Targets) / Bounds.Length;

    /// <summary>0.1 s to 59.1 s into the minute, never a multiple of 500 ms.</summary>
    private static long Offset(int target)
    {
        var ms = 100 + (target * 7_919 % 59_000);
        return ms % 500 == 0 ? ms + 37 : ms;
    }

    private static (string, string)[] Labels(int series)
    {
        if (series < Targets)
        {
            return [("__name__", "bench_requests_total"), ("job", Job(series)), ("instance", Instance(series))];
        }

        var target = TargetOf(series);
        return [("__name__", "bench_latency_seconds_bucket"), ("job", Job(target)), ("instance", Instance(target)), ("le", Bounds[(series - Targets) % Bounds.Length])];
    }

    /// <summary>
    /// The counter's value at a scrape: a start of 1,000 + series, growing by 0.001–199.999 a minute, in thousandths so
    /// that no two rates tie (which of two equal values topk keeps changed in Prometheus 2.44).
    /// </summary>
    private static double Value(int series, int scrape)
    {
        if (series < Targets)
        {
            return 1_000 + series + Growth(series, scrape, 100);
        }

        var target = TargetOf(series);
        var share = Shares[(series - Targets) % Bounds.Length];
        return Math.Floor((500 + Growth(10_000 + target, scrape, 60)) * share);
    }

    /// <summary>
    /// <c>scrape × limit</c> plus a hash of (key, scrape) below <paramref name="limit"/> in thousandths: a closed form (no
    /// state, so any request can be built alone) that grows every minute by less than 2 × limit, never resetting.
    /// </summary>
    private static double Growth(int key, int scrape, int limit) => ((double)scrape * limit) + (Hash(key, scrape) % (uint)(limit * 1000) / 1000.0);

    private static uint Hash(int a, int b)
    {
        var x = ((ulong)(uint)a << 32) | (uint)b;
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb33fa802a63bUL;
        x ^= x >> 33;
        return (uint)x;
    }
}
