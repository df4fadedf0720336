using System.Diagnostics;

namespace AirisEpm.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before sending
/// the next (closed loop), cycling through prepared bodies. Every answer must be 2xx: a refused request fails the run.
/// Linked into the ingest benchmarks, which print what they measure around it.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<ClosedLoopResult> RunAsync(string name, HttpClient client, IReadOnlyList<RequestBody> bodies, int requests, int clients)
    {
        var latencies = new double[requests];
        var next = -1;
        long items = 0;
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
                Interlocked.Add(ref items, body.Items);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        watch.Stop();
        Array.Sort(latencies);
        return new ClosedLoopResult(latencies, watch.Elapsed.TotalSeconds, items);
    }
}

/// <summary>Sorted latencies in milliseconds, the run's wall time and the records sent.</summary>
internal sealed record ClosedLoopResult(double[] SortedLatenciesMs, double Seconds, long Items)
{
    public double Percentile(double p) => SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)(p * SortedLatenciesMs.Length))];
}
