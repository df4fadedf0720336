using System.Diagnostics;
using System.Globalization;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQlEngine.Benchmarks;

// Usage: dotnet run -c Release --project bench/PromQlEngine.Benchmarks -- [series=10000] [hours=24] [scrape=1m] [runs=5]
var series = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var hours = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 24;
var scrapeMs = args.Length > 2 ? PromDuration.ParseMs(args[2]) : 60_000;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
var endMs = hours * 3_600_000L;
const long StepMs = 60_000;

var built = Stopwatch.StartNew();
var source = SyntheticSeries.Build(series, endMs, scrapeMs);
Console.WriteLine($"{source.SeriesCount:N0} series, {hours} h at {PromDuration.Format(scrapeMs)} scrape, built in {built.Elapsed.TotalSeconds:F1} s; range query {hours} h at step 1m");

string[] queries =
[
    "sum by (job) (rate(x_total[5m]))",
    "histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))",
    "topk(10, rate(x_total[5m]))",
];

var engine = new PromQlEngine(new EngineOptions { MaxSamples = 200_000_000 });
foreach (var query in queries)
{
    var times = new List<double>();
    QueryResult? last = null;
    for (var run = 0; run <= runs; run++)
    {
        var watch = Stopwatch.StartNew();
        last = await engine.RangeAsync(source, query, 0, endMs, StepMs, CancellationToken.None);
        if (run > 0)
        {
            // The first run warms the JIT and is not counted.
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    var matrix = (MatrixValue)last!.Value;
    Console.WriteLine(
        $"{query,-62} median {times[times.Count / 2],8:F0} ms  min {times[0],8:F0} ms  " +
        $"{last.Stats.SamplesLoaded,12:N0} samples  {matrix.Series.Count,3} series out");
}
