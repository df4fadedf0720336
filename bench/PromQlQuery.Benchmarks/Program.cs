using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using AirisEpm.MetricsService.Tests.Prometheus.Parity;
using AirisEpm.PromQlQuery.Benchmarks;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

// Debian's Prometheus 2.42 and a metrics-service process side by side: the same 10,000 series × 24 h at a 1-minute
// interval remote-written into both (BenchData), then each dashboard query (BenchQuery) asked of both HTTP APIs in
// turn, a warm-up and then <repetitions> each; prints median and p95 wall ms, the server's CPU ms per query and the
// ratio, checks both answered the same, then where metrics-service's time goes (StageProfile).
// Usage: dotnet run -c Release --project bench/PromQlQuery.Benchmarks -- [hours, 24] [repetitions, 7]
var hours = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 24;
var repetitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
if (!PrometheusProcess.Installed)
{
    Console.Error.WriteLine($"{PrometheusProcess.Binary} is not installed (apt-get install -y prometheus)");
    return 1;
}

var ct = CancellationToken.None;
var folder = Directory.CreateTempSubdirectory("airis-promql-bench-");
var duckDb = Path.Combine(folder.FullName, "metrics.duckdb");
var data = new BenchData(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 120_000, hours);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"data: {BenchData.SeriesCount:N0} series × {data.Scrapes:N0} scrapes = {data.SampleCount:N0} samples; load average {LoadAverage()}"));

await using (var prometheus = await PrometheusProcess.StartReceiverAsync(ct))
{
    using var service = await ServiceProcess.StartAsync("MetricsService", new Dictionary<string, string>
    {
        ["Metrics__Store__DuckDbPath"] = duckDb,
        ["Http__PermitsPerSecond"] = "1000000",
        ["Http__Burst"] = "1000000",
    }, ct);
    using var toPrometheus = new HttpClient { BaseAddress = prometheus.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
    using var toService = new HttpClient { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
    toService.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
        "Bearer", TestTokens.With(TimeSpan.FromHours(6), Permissions.MetricsRead, Permissions.MetricsWrite));
    BenchServer[] servers =
    [
        new("Prometheus 2.42", toPrometheus, () => prometheus.TotalProcessorTime),
        new("metrics-service", toService, () => service.TotalProcessorTime),
    ];

    foreach (var server in servers)
    {
        var (elapsed, cpu) = await Measured(server, () => RemoteWriteLoader.LoadAsync(server.Client, data, ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{server.Name}: loaded in {elapsed.TotalSeconds:F1} s ({data.SampleCount / elapsed.TotalSeconds:N0} samples/s, server CPU {cpu.TotalSeconds:F1} s), load average {LoadAverage()}"));
    }

    foreach (var server in servers)
    {
        await Idle.WaitAsync(server, TimeSpan.FromSeconds(server == servers[0] ? 70 : 0), TimeSpan.FromMinutes(5));
    }

    Console.WriteLine($"timing {repetitions} repetitions after a warm-up, the two servers in turn; load average {LoadAverage()}");
    Console.WriteLine("| query | Prometheus median / p95 ms | metrics-service median / p95 ms | ratio (median) | Prometheus CPU ms/query | metrics-service CPU ms/query | same answer |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
    foreach (var query in BenchQuery.Dashboard)
    {
        var timings = servers.Select(_ => new Timings()).ToArray();
        var answers = new PromAnswer[servers.Length];
        for (var rep = 0; rep <= repetitions; rep++)
        {
            for (var s = 0; s < servers.Length; s++)
            {
                var started = Stopwatch.GetTimestamp();
                var cpu = servers[s].Cpu();
                using var response = await servers[s].Client.GetAsync(query.PathAndQuery(data), ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var wall = Stopwatch.GetElapsedTime(started);
                var serverCpu = servers[s].Cpu() - cpu;
                if (rep == 0)
                {
                    answers[s] = PromAnswer.Parse(body);
                    continue;
                }

                timings[s].Add(wall.TotalMilliseconds, serverCpu.TotalMilliseconds);
            }
        }

        var same = AnswerComparison.Difference(answers[0], answers[1], ordered: false) is { } difference ? "no: " + difference : "yes";
        var (theirs, ours) = (timings[0], timings[1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| `{query.Expr}`{(query.IsRange ? $" ({data.Hours} h, 1 m step)" : " (instant)")} | {theirs.MedianMs:F1} / {theirs.P95Ms:F1} | {ours.MedianMs:F1} / {ours.P95Ms:F1} | {ours.MedianMs / theirs.MedianMs:F2}× | {theirs.MedianCpuMs:F0} | {ours.MedianCpuMs:F0} | {Shorten(same)} |"));
    }

    Console.WriteLine($"load average after timing {LoadAverage()}");
}

Console.WriteLine("metrics-service's stages, in process over its DuckDB file (median of 3 after a warm-up):");
await StageProfile.RunAsync(duckDb, data, BenchQuery.Dashboard, 3, ct);
Console.WriteLine("inside the store's point read (median of 3 after a warm-up):");
DuckDbProbe.Run(duckDb, data, ["bench_requests_total", "bench_latency_seconds_bucket"]);
Console.WriteLine($"load average at the end {LoadAverage()}");
folder.Delete(recursive: true);
return 0;

static async Task<(TimeSpan Elapsed, TimeSpan Cpu)> Measured(BenchServer server, Func<Task<TimeSpan>> run)
{
    var cpu = server.Cpu();
    var elapsed = await run();
    return (elapsed, server.Cpu() - cpu);
}

static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
