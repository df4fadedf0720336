using System.Diagnostics;
using System.Globalization;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before
/// sending the next (closed loop), cycling through prepared bodies; prints spans/s, requests/s, latency
/// percentiles, store writes (spans per write shows the group commit), and the process's CPU time per span
/// (client and server together: steadier than wall time on a shared machine). Every answer must be 2xx.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string name, HttpClient client, CountingTraceStore store, IReadOnlyList<RequestBody> bodies, int requests, int clients)
    {
        GC.Collect();
        var latencies = new double[requests];
        var next = -1;
        long spans = 0;
        var writesBefore = store.Writes;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
                Interlocked.Add(ref spans, body.Spans);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var writes = store.Writes - writesBefore;
        Array.Sort(latencies);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {spans,8} spans {requests,7} req {seconds,6:F1} s {spans / seconds,9:F0} spans/s {requests / seconds,7:F0} req/s " +
            $"p50 {Percentile(latencies, 0.50),6:F1} ms p95 {Percentile(latencies, 0.95),6:F1} ms p99 {Percentile(latencies, 0.99),6:F1} ms " +
            $"{writes,6} writes ({(double)spans / Math.Max(1, writes),6:F1} spans/write) CPU {cpu.TotalMicroseconds / spans,6:F1} µs/span"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
