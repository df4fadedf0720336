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
Console.WriteLine(
    $"{source.SeriesCount:N0} series, {hours} h at {PromDuration.Format(scrapeMs)} scrape, built in {built.Elapsed.TotalSeconds:F1} s; " +
    $"range query {hours} h at step 1m; load average {LoadAverage()}");

string[] queries =
[
    "sum by (job) (rate(x_total[5m]))",
    "histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))",
    "topk(10, rate(x_total[5m]))",
];

// Prometheus's defaults, the sample limit included: the engine must answer these where Prometheus answers them.
var engine = new PromQlEngine();
var process = Process.GetCurrentProcess();
foreach (var query in queries)
{
    var wall = new List<double>();
    var cpu = new List<double>();
    var allocated = new List<double>();
    QueryResult? last = null;
    for (var run = 0; run <= runs; run++)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        last = await engine.RangeAsync(source, query, 0, endMs, StepMs, CancellationToken.None);
        watch.Stop();
        process.Refresh();
        if (run > 0)
        {
            // The first run warms the JIT and is not counted.
            wall.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1e6);
        }
    }

    var matrix = (MatrixValue)last!.Value;
    Console.WriteLine(
        $"{query,-60} wall median {Median(wall),6:F0} ms min {wall.Min(),6:F0} ms  cpu median {Median(cpu),6:F0} ms  " +
        $"allocated {Median(allocated),7:F0} MB  {last.Stats.SamplesLoaded,12:N0} samples read  peak {last.Stats.PeakSamples,12:N0}  " +
        $"{matrix.Series.Count,3} series out");
}

Console.WriteLine($"load average {LoadAverage()}; peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
