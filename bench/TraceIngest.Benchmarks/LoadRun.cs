using System.Diagnostics;
using System.Globalization;
using AirisEpm.Benchmarks;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before
/// sending the next (closed loop), cycling through prepared bodies; prints spans/s, requests/s, latency
/// percentiles, store writes (spans per write shows the group commit), the time until every acknowledged span is in the
/// store's tables (the embedded store applies its log behind the answers), and the process's CPU time per span up to then
/// (client and server together: steadier than wall time on a shared machine). Every answer must be 2xx.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string name, HttpClient client, CountingTraceStore store, IReadOnlyList<RequestBody> bodies, int requests, int clients)
    {
        GC.Collect();
        var writesBefore = store.Writes;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var watch = Stopwatch.StartNew();
        var run = await ClosedLoop.RunAsync(name, client, bodies, requests, clients);
        await store.SettleAsync();
        var settled = watch.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var gcs = $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms";
        var writes = store.Writes - writesBefore;
        var (spans, seconds) = (run.Items, run.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {spans,8} spans {requests,7} req {seconds,6:F1} s {spans / seconds,9:F0} spans/s {requests / seconds,7:F0} req/s " +
            $"p50 {run.Percentile(0.50),6:F1} ms p95 {run.Percentile(0.95),6:F1} ms p99 {run.Percentile(0.99),6:F1} ms " +
            $"{writes,6} writes ({(double)spans / Math.Max(1, writes),6:F1} spans/write) applied after {settled,5:F1} s ({spans / settled,7:F0} spans/s) CPU {cpu.TotalMicroseconds / spans,6:F1} µs/span " +
            $"alloc {allocated / spans,6:N0} B/span {gcs} RSS {ProcessMemory.ResidentMiB,5:F0} MiB (peak {ProcessMemory.PeakResidentMiB,5:F0}, managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,5:F0}: {Generations()}) load {File.ReadAllText("/proc/loadavg")[..14]}"));
    }

    /// <summary>The managed heap by generation after the last collection (gen0, gen1, gen2, large and pinned objects), in MiB.</summary>
    private static string Generations()
    {
        var info = GC.GetGCMemoryInfo();
        string[] names = ["gen0", "gen1", "gen2", "LOH", "POH"];
        return string.Join(' ', names.Select((name, i) => string.Create(CultureInfo.InvariantCulture, $"{name} {info.GenerationInfo[i].SizeAfterBytes / 1048576.0:F0}")));
    }
}
