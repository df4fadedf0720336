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
                latencies[n] = await SendAsync(name, client, body);
                Interlocked.Add(ref items, body.Items);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        watch.Stop();
        Array.Sort(latencies);
        return new ClosedLoopResult(latencies, watch.Elapsed.TotalSeconds, items);
    }

    /// <summary>
    /// One caller per list, each sending its own bodies in order (closed loop): for receivers that refuse a sample
    /// older than one already taken for its series (Prometheus), each caller owns its series and sends them in time order.
    /// With <paramref name="retryUnavailable"/> a 503 is retried after its Retry-After (1 s without one), as a
    /// Prometheus remote_write shard does, and counted in <see cref="ClosedLoopResult.Retries"/>; its wait is in the latency.
    /// </summary>
    public static async Task<ClosedLoopResult> RunPerClientAsync(string name, HttpClient client, IReadOnlyList<IReadOnlyList<RequestBody>> perClient, bool retryUnavailable = false)
    {
        var offsets = new int[perClient.Count];
        for (var c = 1; c < perClient.Count; c++)
        {
            offsets[c] = offsets[c - 1] + perClient[c - 1].Count;
        }

        var latencies = new double[perClient.Sum(b => b.Count)];
        long items = 0;
        var retries = 0;
        var watch = Stopwatch.StartNew();
        var callers = perClient.Select((bodies, c) => Task.Run(async () =>
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                while (await SendAsync(name, client, bodies[i], retryUnavailable) is { } retryAfter)
                {
                    Interlocked.Increment(ref retries);
                    await Task.Delay(retryAfter);
                }

                latencies[offsets[c] + i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Interlocked.Add(ref items, bodies[i].Items);
            }
        })).ToArray();
        await Task.WhenAll(callers);
        watch.Stop();
        Array.Sort(latencies);
        return new ClosedLoopResult(latencies, watch.Elapsed.TotalSeconds, items, retries);
    }

    /// <summary>Sends one request and returns its latency in milliseconds; a non-2xx answer throws.</summary>
    private static async Task<double> SendAsync(string name, HttpClient client, RequestBody body)
    {
        var started = Stopwatch.GetTimestamp();
        await SendAsync(name, client, body, retryUnavailable: false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Null once answered 2xx; the wait before a retry when answered 503 and <paramref name="retryUnavailable"/>; otherwise throws.</summary>
    private static async Task<TimeSpan?> SendAsync(string name, HttpClient client, RequestBody body, bool retryUnavailable)
    {
        using var response = await body.SendAsync(client); // answers are read whole (ResponseContentRead) before this returns
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        if (retryUnavailable && response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
        {
            return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        }

        throw new HttpRequestException($"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>Sorted latencies in milliseconds, the run's wall time, the records sent and the 503s retried.</summary>
internal sealed record ClosedLoopResult(double[] SortedLatenciesMs, double Seconds, long Items, int Retries = 0)
{
    public double Percentile(double p) => SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)(p * SortedLatenciesMs.Length))];
}
