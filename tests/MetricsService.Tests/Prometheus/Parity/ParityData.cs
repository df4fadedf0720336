using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>One series to remote-write: its labels (the name among them) and its samples in time order.</summary>
public sealed record ParitySeries((string Name, string Value)[] Labels, (double Value, long Timestamp)[] Samples);

/// <summary>
/// The samples both Prometheus and metrics-service are given: one hour from <see cref="Start"/>, a scrape every 15 s,
/// about 60 series of every shape PromQL cares about. Deterministic for a given start (a seeded generator).
/// <list type="bullet">
/// <item><c>parity_requests_total{job,instance,code}</c>: counters with integer increments; two reset (one twice in a row).</item>
/// <item><c>parity_temperature{job,instance}</c>: gauges in quarters (-5 … 40) plus a sixty-fourth per series, so no two are
/// ever equal (Prometheus 2.44 changed which series topk and bottomk keep on a tie); one has NaN, +Inf and -Inf samples.</item>
/// <item><c>parity_latency_seconds_bucket{job,instance,le}</c> with <c>_sum</c> and <c>_count</c>: classic histograms
/// (seven buckets), one resetting.</item>
/// <item><c>parity_up</c>, <c>parity_build_info</c> (labels to join on), <c>parity_queue_depth</c> (a series ending with a
/// stale marker, one ending quietly, one starting late), <c>parity_special</c> (NaN and ±Inf only) and
/// <c>parity_newline</c> (a label value with a newline, for the regex change in Prometheus 3), and
/// <c>parity_fresh_total</c>, a counter starting late at 1 (for the change in <c>rate</c>'s extrapolation below).</item>
/// </list>
/// Values are multiples of 1/8 so sums come out exact whatever the order of addition. Counters (and the queue depths)
/// start far above zero: where a series starts inside a range, Prometheus 2.51 changed how <c>rate</c> limits its
/// extrapolation by the counter's zero point (commit 7f912db), which a first value near zero would expose. Every sample's millisecond
/// part is neither 0 nor 500, and every query time ends in .500 s: no sample sits exactly on a range's or lookback's
/// left edge (where Prometheus 3 and 2.42 differ), neither at a query's own times nor at a subquery's steps, which
/// fall on whole seconds.
/// </summary>
public sealed class ParityData
{
    public const int Scrapes = 240;
    public const long IntervalMs = 15_000;

    /// <summary>The scrape at which the queue series stop (30 minutes in) and at which the late one starts.</summary>
    public const int StopScrape = 120;

    public const int LateScrape = 100;

    public static readonly string[] BucketBounds = ["0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];

    private readonly Random _random = new(20_260_101);
    private int _jitterIndex;

    public ParityData(long startMs)
    {
        Start = startMs;
        Series = [.. Requests(), .. Temperatures(), .. Histograms(), .. Ups(), .. BuildInfo(), .. Queues(), .. Specials(), .. Newlines(), Fresh()];
    }

    public long Start { get; }

    public IReadOnlyList<ParitySeries> Series { get; }

    public int SampleCount => Series.Sum(s => s.Samples.Length);

    private static readonly string[] Instances = ["a:80", "b:80"];

    private IEnumerable<ParitySeries> Requests()
    {
        foreach (var job in (string[])["api", "web"])
        foreach (var instance in Instances)
        foreach (var code in (string[])["200", "500"])
        {
            var value = (double)_random.Next(1000, 2000);
            var resets = (job, instance, code) switch
            {
                ("api", "a:80", "500") => new[] { 80 },
                ("web", "b:80", "200") => [160, 161],
                _ => [],
            };
            yield return Scraped([("__name__", "parity_requests_total"), ("job", job), ("instance", instance), ("code", code)], k =>
            {
                value = resets.Contains(k) ? _random.Next(0, 5) : value + _random.Next(0, code == "200" ? 40 : 6);
                return value;
            });
        }
    }

    private IEnumerable<ParitySeries> Temperatures()
    {
        var index = 0;
        foreach (var job in (string[])["api", "web", "db"])
        foreach (var instance in Instances)
        {
            var phase = _random.NextDouble() * 6;
            var tieBreak = index++ / 64.0;
            var special = job == "db" && instance == "b:80";
            yield return Scraped([("__name__", "parity_temperature"), ("job", job), ("instance", instance)], k => special switch
            {
                true when k is >= 50 and <= 52 => double.NaN,
                true when k == 100 => double.PositiveInfinity,
                true when k == 150 => double.NegativeInfinity,
                _ => Quarter(17.5 + (22.5 * Math.Sin((k / 20.0) + phase))) + tieBreak,
            });
        }
    }

    private IEnumerable<ParitySeries> Histograms()
    {
        foreach (var job in (string[])["api", "web"])
        foreach (var instance in Instances)
        {
            var counts = Enumerable.Range(1, BucketBounds.Length).Select(b => 500.0 * b).ToArray();
            var sums = new double[Scrapes];
            var perScrape = new double[Scrapes][];
            var sum = 1000.0;
            for (var k = 0; k < Scrapes; k++)
            {
                if (job == "web" && instance == "b:80" && k == 120)
                {
                    Array.Clear(counts);
                    sum = 0;
                }

                var observations = _random.Next(0, 30);
                for (var o = 0; o < observations; o++)
                {
                    var bucket = Math.Min(BucketBounds.Length - 1, (int)Math.Floor(Math.Abs(Normalish()) * 2.2));
                    for (var b = bucket; b < counts.Length; b++)
                    {
                        counts[b]++;
                    }

                    sum += (bucket + 1) * 0.125;
                }

                perScrape[k] = (double[])counts.Clone();
                sums[k] = sum;
            }

            (string, string)[] target = [("job", job), ("instance", instance)];
            var jitter = NextJitter();
            for (var b = 0; b < BucketBounds.Length; b++)
            {
                var bucket = b;
                yield return At([("__name__", "parity_latency_seconds_bucket"), .. target, ("le", BucketBounds[b])], jitter, k => perScrape[k][bucket]);
            }

            yield return At([("__name__", "parity_latency_seconds_sum"), .. target], jitter, k => sums[k]);
            yield return At([("__name__", "parity_latency_seconds_count"), .. target], jitter, k => perScrape[k][^1]);
        }
    }

    private IEnumerable<ParitySeries> Ups()
    {
        foreach (var job in (string[])["api", "web"])
        foreach (var instance in Instances)
        {
            var down = job == "web" && instance == "a:80";
            yield return Scraped([("__name__", "parity_up"), ("job", job), ("instance", instance)], k => down && k % 40 >= 30 ? 0 : 1);
        }
    }

    private IEnumerable<ParitySeries> BuildInfo()
    {
        foreach (var job in (string[])["api", "web"])
        foreach (var instance in Instances)
        {
            var version = instance == "a:80" ? "1.2.3" : "2.0.0";
            yield return Scraped([("__name__", "parity_build_info"), ("job", job), ("instance", instance), ("version", version), ("branch", "main")], _ => 1);
        }
    }

    private IEnumerable<ParitySeries> Queues()
    {
        (string, string)[] Labels(string queue) => [("__name__", "parity_queue_depth"), ("job", "worker"), ("instance", "w1"), ("queue", queue)];
        double Depth(int k) => 100 + (k * 7 % 23) + 0.5;

        var marker = Scraped(Labels("marker"), Depth);
        var ended = marker.Samples[..StopScrape].Append((StaleMarker.Value, marker.Samples[StopScrape].Timestamp)).ToArray();
        yield return marker with { Samples = ended };
        var quiet = Scraped(Labels("quiet"), Depth);
        yield return quiet with { Samples = quiet.Samples[..StopScrape] };
        var late = Scraped(Labels("late"), Depth);
        yield return late with { Samples = late.Samples[LateScrape..] };
    }

    private IEnumerable<ParitySeries> Specials()
    {
        yield return Scraped([("__name__", "parity_special"), ("kind", "nan")], _ => double.NaN);
        yield return Scraped([("__name__", "parity_special"), ("kind", "inf")], _ => double.PositiveInfinity);
        yield return Scraped([("__name__", "parity_special"), ("kind", "neg_inf")], _ => double.NegativeInfinity);
        double[] cycle = [1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -2.5];
        yield return Scraped([("__name__", "parity_special"), ("kind", "mixed")], k => cycle[k % cycle.Length]);
    }

    private IEnumerable<ParitySeries> Newlines()
    {
        yield return Scraped([("__name__", "parity_newline"), ("note", "line1\nline2")], _ => 1);
        yield return Scraped([("__name__", "parity_newline"), ("note", "single")], _ => 2);
    }

    /// <summary>A counter that starts late, at 1, and counts one a scrape: where 2.42 and 2.51+ extrapolate differently.</summary>
    private ParitySeries Fresh()
    {
        var fresh = Scraped([("__name__", "parity_fresh_total"), ("job", "batch")], k => k - LateScrape + 1);
        return fresh with { Samples = fresh.Samples[LateScrape..] };
    }

    private ParitySeries Scraped((string, string)[] labels, Func<int, double> value) => At(labels, NextJitter(), value);

    private ParitySeries At((string, string)[] labels, long jitterMs, Func<int, double> value)
    {
        var samples = new (double, long)[Scrapes];
        for (var k = 0; k < Scrapes; k++)
        {
            samples[k] = (value(k), Start + (k * IntervalMs) + jitterMs);
        }

        return new ParitySeries(labels, samples);
    }

    /// <summary>A series' offset from the scrape grid, 0.1 s to 14.9 s, never on a whole or half second.</summary>
    private long NextJitter()
    {
        _jitterIndex++;
        var ms = 100 + (_jitterIndex * 2_713 % 14_800);
        return ms % 500 == 0 ? ms + 37 : ms;
    }

    private double Normalish() => _random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5;

    private static double Quarter(double value) => Math.Round(value * 4) / 4;
}
