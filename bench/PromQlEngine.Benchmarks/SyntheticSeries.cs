using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQlEngine.Benchmarks;

/// <summary>
/// Counters <c>x_total{job, instance}</c> over 10 jobs, and classic histograms <c>h_bucket{job, instance, le}</c>
/// with 10 buckets, one sample per scrape interval, rising at random per-series rates with rare resets.
/// </summary>
internal static class SyntheticSeries
{
    private static readonly string[] Bounds = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"];

    public static InMemorySeriesSource Build(int series, long durationMs, long scrapeMs)
    {
        var source = new InMemorySeriesSource();
        var random = new Random(42);
        var samples = (int)(durationMs / scrapeMs) + 1;
        for (var s = 0; s < series; s++)
        {
            var labels = LabelSet.From(("__name__", "x_total"), ("job", $"job-{s % 10}"), ("instance", $"host-{s}"));
            source.Add(labels, Counter(random, samples, scrapeMs, random.NextDouble() * 10));
        }

        // One histogram per 10 counters keeps the bucket series count equal to the counters'.
        for (var h = 0; h < series / Bounds.Length; h++)
        {
            var perSecond = random.NextDouble() * 50;
            var cumulative = 0.0;
            for (var b = 0; b < Bounds.Length; b++)
            {
                cumulative += random.NextDouble() * perSecond;
                var labels = LabelSet.From(("__name__", "h_bucket"), ("job", $"job-{h % 10}"), ("instance", $"host-{h}"), ("le", Bounds[b]));
                source.Add(labels, Counter(new Random(h), samples, scrapeMs, cumulative));
            }
        }

        return source;
    }

    private static Point[] Counter(Random random, int samples, long scrapeMs, double perSecond)
    {
        var points = new Point[samples];
        var value = 0.0;
        for (var i = 0; i < samples; i++)
        {
            value = random.Next(0, 20_000) == 0 ? 0 : value + (perSecond * scrapeMs / 1000 * (0.5 + random.NextDouble()));
            points[i] = new Point(i * scrapeMs, Math.Round(value));
        }

        return points;
    }
}
