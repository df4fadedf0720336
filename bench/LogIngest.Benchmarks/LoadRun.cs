using System.Globalization;
using AirisEpm.Benchmarks;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before
/// sending the next (closed loop), cycling through prepared bodies; prints lines/s, requests/s, latency percentiles,
/// the server's peak resident set, and CPU time per line of the server (every thread of its process: requests, the
/// indexing, Lucene's merges, the GC) and of the client, and the server's managed allocations per line. Every answer
/// must be 2xx: a refused request fails the run.
/// </summary>
internal static class LoadRun
{
    /// <remarks>The run waits for the indexing behind the acknowledgements: its time and CPU are in the figures (lines/s to the last index).</remarks>
    public static async Task RunAsync(string name, LogServiceHost host, HttpClient client, IReadOnlyList<RequestBody> bodies, int requests, int clients, bool searched = false)
    {
        await host.SettleAsync();
        ProcessUsage.ResetPeak(host.ProcessId);
        var (serverCpu, allocated) = (ProcessUsage.Cpu(host.ProcessId), await host.AllocatedBytesAsync());
        var clientCost = ProcessCost.Start();
        var machine = ProcessUsage.MachineTicks();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var searches = SearchLoad.StartIf(searched, host);
        // A 503 (the store behind the acknowledgements fell more than the writer's 10 s behind: seen at load averages
        // of 80-100) is retried after its Retry-After, as an agent does, and counted; its records were queued and are
        // indexed as well, so the CPU per line counts that work against the lines sent once.
        var perClient = Enumerable.Range(0, clients)
            .Select(c => (IReadOnlyList<RequestBody>)Enumerable.Range(0, (requests / clients) + (c < requests % clients ? 1 : 0)).Select(i => bodies[((i * clients) + c) % bodies.Count]).ToList())
            .ToList();
        var run = await ClosedLoop.RunPerClientAsync(name, client, perClient, retryUnavailable: true);
        var searchFigures = searches is null ? "" : $"; while searched: {await searches.StopAsync()}";
        await host.SettleAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        var lines = run.Items;
        var server = (ProcessUsage.Cpu(host.ProcessId) - serverCpu).TotalMicroseconds;
        var serverKb = (await host.AllocatedBytesAsync() - allocated) / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {lines,9} lines {requests,7} req {seconds,7:F1} s {lines / seconds,9:F0} lines/s {requests / seconds,8:F0} req/s " +
            $"p50 {run.Percentile(0.50),7:F1} ms p95 {run.Percentile(0.95),7:F1} ms p99 {run.Percentile(0.99),7:F1} ms; " +
            $"server {server / lines:F1} µs CPU/line ({server / (seconds * 1e6):F2} cores), {serverKb / lines:F2} KB/line, peak RSS {ProcessUsage.PeakRssBytes(host.ProcessId) / 1048576.0:F0} MiB; " +
            $"client {clientCost.PerRecord(lines, "line")}; indexed in {seconds - run.Seconds:F1} s after the last answer; {run.Retries} 503s retried; steal {ProcessUsage.StealPercent(machine):F0} %, load {File.ReadAllText("/proc/loadavg").Trim()}{searchFigures}"));
    }
}
