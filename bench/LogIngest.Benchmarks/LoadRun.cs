using System.Diagnostics;
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
        var latencies = new double[requests];
        var next = -1;
        long lines = 0;
        var cost = ProcessCost.Start();
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                var body = bodies[n % bodies.Count];
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(body.Path, body.Content());
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                latencies[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Add(ref lines, body.Lines);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        watch.Stop();
        var perLine = cost.PerRecord(lines, "line");
        Array.Sort(latencies);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {lines,9} lines {requests,7} req {seconds,7:F1} s {lines / seconds,9:F0} lines/s {requests / seconds,8:F0} req/s " +
            $"p50 {Percentile(latencies, 0.50),7:F1} ms p95 {Percentile(latencies, 0.95),7:F1} ms p99 {Percentile(latencies, 0.99),7:F1} ms peak RSS {PeakMemory.Bytes() / 1024.0 / 1024.0,6:F0} MiB; " +
            $"{perLine} (client and server), load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
