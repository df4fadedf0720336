using System.Globalization;
using AirisEpm.Benchmarks;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before
/// sending the next (closed loop), cycling through prepared bodies; prints lines/s, requests/s, latency
/// percentiles, the peak RSS and the process's CPU time and allocations per line (<see cref="ProcessCost"/>). Every answer must be 2xx: a refused request fails the run.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string name, HttpClient client, IReadOnlyList<RequestBody> bodies, int requests, int clients)
    {
        GC.Collect();
        PeakMemory.Reset();
        var cost = ProcessCost.Start();
        var run = await ClosedLoop.RunAsync(name, client, bodies, requests, clients);
        var perLine = cost.PerRecord(run.Items, "line");
        var (lines, seconds) = (run.Items, run.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {lines,9} lines {requests,7} req {seconds,7:F1} s {lines / seconds,9:F0} lines/s {requests / seconds,8:F0} req/s " +
            $"p50 {run.Percentile(0.50),7:F1} ms p95 {run.Percentile(0.95),7:F1} ms p99 {run.Percentile(0.99),7:F1} ms peak RSS {PeakMemory.Bytes() / 1024.0 / 1024.0,6:F0} MiB; " +
            $"{perLine} (client and server), load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }
}
