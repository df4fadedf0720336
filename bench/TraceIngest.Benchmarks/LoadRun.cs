using System.Diagnostics;
using System.Globalization;
using AirisEpm.Benchmarks;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// Sends <c>requests</c> requests from <c>clients</c> concurrent callers, each waiting for its answer before
/// sending the next (closed loop), cycling through prepared bodies; prints spans/s, requests/s, latency
/// percentiles, store writes (spans per write shows the group commit), the time until every acknowledged span is in the
/// store's tables (the embedded store applies its log behind the answers), and, up to then, the CPU time per span of
/// the server process and of this client process (steadier than wall time on a shared machine), the server's
/// allocations and collections, and its peak resident memory during the run (VmHWM, reset at the start) with what the
/// largest sample held (<see cref="PeakSampler"/>). Every answer must be 2xx.
/// </summary>
internal static class LoadRun
{
    public static async Task RunAsync(string name, HttpClient client, ServerProcess server, IReadOnlyList<RequestBody> bodies, int requests, int clients)
    {
        GC.Collect();
        var before = await server.AskAsync("stats");
        var serverCpuBefore = ProcessUsage.Cpu(server.ProcessId);
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clientAllocatedBefore = GC.GetTotalAllocatedBytes();
        ProcessUsage.ResetPeak(server.ProcessId);
        var watch = Stopwatch.StartNew();
        var run = await ClosedLoop.RunAsync(name, client, bodies, requests, clients);
        var after = await server.AskAsync("settle");
        var settled = watch.Elapsed.TotalSeconds;
        var serverCpu = ProcessUsage.Cpu(server.ProcessId) - serverCpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var clientAllocated = GC.GetTotalAllocatedBytes() - clientAllocatedBefore;
        var writes = after.Writes - before.Writes;
        var (spans, seconds) = (run.Items, run.Seconds);
        var at = after.AtPeak;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-30} {spans,8} spans {requests,7} req {seconds,6:F1} s {spans / seconds,9:F0} spans/s {requests / seconds,7:F0} req/s " +
            $"p50 {run.Percentile(0.50),6:F1} ms p95 {run.Percentile(0.95),6:F1} ms p99 {run.Percentile(0.99),6:F1} ms " +
            $"{writes,6} writes ({(double)spans / Math.Max(1, writes),6:F1} spans/write) applied after {settled,5:F1} s ({spans / settled,7:F0} spans/s) " +
            $"CPU server {serverCpu.TotalMicroseconds / spans,6:F1} + client {clientCpu.TotalMicroseconds / spans,6:F1} = {(serverCpu + clientCpu).TotalMicroseconds / spans,6:F1} µs/span " +
            $"alloc server {(after.AllocatedBytes - before.AllocatedBytes) / spans,6:N0} + client {clientAllocated / spans,6:N0} B/span " +
            $"server GCs {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2} paused {after.PauseMs - before.PauseMs:F0} ms; " +
            $"server peak RSS {ServerStats.Mib(ProcessUsage.PeakRssBytes(server.ProcessId))} MiB (sampled {ServerStats.Mib(at.Rss)}: file {ServerStats.Mib(at.File)}, anonymous {ServerStats.Mib(at.Anonymous)} = " +
            $"managed committed {ServerStats.Mib(at.ManagedCommitted)} + DuckDB's allocator {ServerStats.Mib(at.DuckDbAllocator)} (allocated {ServerStats.Mib(at.DuckDbAllocated)}, of it buffers {ServerStats.Mib(at.DuckDb)}) + other {ServerStats.Mib(at.OtherNative)}; {at.PendingSpans} spans not yet applied), " +
            $"managed heap {ServerStats.Mib(after.HeapBytes)} committed {ServerStats.Mib(after.CommittedBytes)} ({after.Generations()}), DuckDB {ServerStats.Mib(after.DuckDbBytes)} at most {ServerStats.Mib(after.DuckDbPeakBytes)} ({after.DuckDbTags}); " +
            $"client peak RSS {ServerStats.Mib(ProcessUsage.PeakRssBytes(Environment.ProcessId))} MiB; load {File.ReadAllText("/proc/loadavg")[..14]}"));
    }
}
