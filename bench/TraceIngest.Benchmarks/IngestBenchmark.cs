using System.Globalization;
using AirisEpm.Benchmarks;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Google.Protobuf;

namespace AirisEpm.TraceIngest.Benchmarks;

// trace-service's span ingest end to end over HTTP on real Kestrel: see README.md.
// Usage: dotnet bin/Release/net10.0/AirisEpm.TraceIngest.Benchmarks.dll [spans per mode=200000] [modes=otlp,zipkin,single,convert] [store=discard|duckdb] [graph=on|off]
// (the server runs in a process of its own: the same assembly with "serve", see ServerProcess)
internal static class IngestBenchmark
{
    private const int BatchSize = 512;
    private const int BatchClients = 4;
    private const int SingleClients = 32;
    private const int WarmBatches = 200;
    private const int WarmSingles = 10_000;

    public static async Task Main(string[] args)
    {
        Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the solution from here
        if (args is ["serve", var store, var served])
        {
            await BenchServer.RunAsync(store == "duckdb", served != "graph=off");
            return;
        }

        var spans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var modes = (args.Length > 1 ? args[1] : "otlp,zipkin,single,convert").Split(',');
        var duckDb = args.Length > 2 && args[2] == "duckdb";
        var graph = !(args.Length > 3 && args[3] == "graph=off");
        if (modes is ["stages"])
        {
            Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
            await StageProbe.RunAsync(spans, BatchSize);
            Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
            return;
        }

        // Every request of a mode carries spans no other request carried (distinct ids from distinct seeds), so the store
        // and the dependency graph see new spans, as from real senders, not the same few bodies retransmitted.
        var batches = Math.Max(1, spans / BatchSize);
        var otlp = Bodies(0, batches, seed => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(seed, BatchSize).ToByteArray(), BatchSize));
        var zipkin = modes.Contains("zipkin") ? Bodies(1 << 24, batches, seed => new RequestBody("/api/v2/spans", "application/json", SyntheticSpans.Zipkin(seed, BatchSize), BatchSize)) : otlp;
        // Only the bodies of the modes run: they stay in the process, so unused ones would count in its resident memory.
        var singles = modes.Contains("single")
            ? Bodies(2 << 24, spans / 4, seed => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(seed, 1).ToByteArray(), 1), stride: 1)
            : Bodies(2 << 24, 1, seed => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(seed, 1).ToByteArray(), 1), stride: 1);
        // Warm-ups long enough for tiered compilation to finish on a loaded machine: with 40 batches the JIT still took
        // 16-19 % of the measured run's CPU (perf), methods called once per batch still running instrumented code.
        var warmOtlp = Bodies(3 << 24, WarmBatches, seed => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(seed, BatchSize).ToByteArray(), BatchSize));
        var warmSingles = Bodies(4 << 24, WarmSingles, seed => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(seed, 1).ToByteArray(), 1), stride: 1);
        Console.WriteLine($"bodies: OTLP {otlp[0].Bytes.Length:N0} B / {BatchSize} spans, Zipkin {zipkin[0].Bytes.Length:N0} B / {BatchSize} spans, single {singles[0].Bytes.Length} B");

        await using var server = await ServerProcess.StartAsync(duckDb, graph);
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores; server process {server.ProcessId}: {server.Description}; dependency graph {(graph ? "fed" : "off")}");
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromMinutes(2),
        }.WithToken(TimeSpan.FromHours(2), Permissions.TracesWrite);
        await LoadRun.RunAsync("warm-up (otlp)", client, server, warmOtlp, WarmBatches, BatchClients);
        await LoadRun.RunAsync("warm-up (single)", client, server, warmSingles, WarmSingles, SingleClients);

        foreach (var mode in modes)
        {
            switch (mode)
            {
                case "convert":
                    ConverterRun.Otlp(otlp[0].Bytes, BatchSize, spans);
                    ConverterRun.Zipkin(zipkin[0].Bytes, BatchSize, spans);
                    break;
                case "otlp":
                    await LoadRun.RunAsync($"otlp: {BatchSize} x {BatchClients} clients", client, server, otlp, Math.Max(1, spans / BatchSize), BatchClients);
                    break;
                case "zipkin":
                    await LoadRun.RunAsync($"zipkin: {BatchSize} x {BatchClients} clients", client, server, zipkin, Math.Max(1, spans / BatchSize), BatchClients);
                    break;
                case "single":
                    await LoadRun.RunAsync($"single: 1 span x {SingleClients} clients", client, server, singles, spans / 4, SingleClients);
                    break;
                default:
                    throw new ArgumentException($"unknown mode {mode}: convert, otlp, zipkin, single");
            }
        }

        // What stays once the load is over: the garbage collector and DuckDB's allocator hand memory back later, or never.
        foreach (var after in (int[])[5, 20])
        {
            await Task.Delay(TimeSpan.FromSeconds(after == 5 ? 5 : 15));
            var idle = await server.AskAsync("stats");
            Console.WriteLine($"{after} s after the load: server RSS {ServerStats.Mib(ProcessUsage.RssBytes(server.ProcessId))} MiB ({ProcessUsage.RssParts(server.ProcessId)}), " +
                $"managed committed {ServerStats.Mib(idle.CommittedBytes)} MiB, DuckDB's buffers {ServerStats.Mib(idle.DuckDbBytes)} MiB, " +
                $"DuckDB's allocator: allocated {ServerStats.Mib(idle.DuckDbAllocatedBytes)} MiB, resident {ServerStats.Mib(idle.DuckDbAllocatorResidentBytes)} MiB");
        }

        var end = await server.AskAsync("collect");
        var bodyBytes = otlp.Concat(zipkin).Concat(singles).Concat(warmOtlp).Concat(warmSingles).Distinct().Sum(b => (long)b.Bytes.Length + 100);
        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}; server: peak RSS over the whole run {ServerStats.Mib(ProcessUsage.PeakRssBytes(server.ProcessId))} MiB " +
            $"(VmHWM, not reset), live managed after a full GC {ServerStats.Mib(end.LiveBytes)} MiB, RSS now {ServerStats.Mib(ProcessUsage.RssBytes(server.ProcessId))} MiB; " +
            $"client: peak RSS {ServerStats.Mib(ProcessUsage.PeakRssBytes(Environment.ProcessId))} MiB, of which its request bodies {ServerStats.Mib(bodyBytes)} MiB");
    }

    /// <summary><paramref name="count"/> bodies, one per seed, seeds <paramref name="stride"/> spans apart from <paramref name="first"/>.</summary>
    private static List<RequestBody> Bodies(int first, int count, Func<int, RequestBody> make, int stride = BatchSize) =>
        Enumerable.Range(0, count).Select(b => make(first + (b * stride))).ToList();
}
