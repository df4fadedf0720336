using System.Runtime;
using System.Text.Json;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// The benchmark re-executed as the server (<c>serve duckdb|discard graph=on|off</c>; <see cref="ServerProcess"/> starts
/// it): trace-service in a process of its own, so that its resident memory and CPU time are its own and not the
/// client's. Tells its address on standard output (<c>bench&gt; listening URL</c>), then answers one command a line
/// on standard input with one <see cref="ServerStats"/> line: <c>stats</c>; <c>settle</c> (first waits until every
/// acknowledged span is in the store's tables); <c>collect</c> (first a full compacting collection, and counts what
/// lives). Standard input closing stops it.
/// </summary>
internal static class BenchServer
{
    public const string Prefix = "bench> ";

    public static async Task RunAsync(bool duckDb, bool graph)
    {
        await using var host = new TraceServiceHost(duckDb, graph);
        var gc = GC.GetConfigurationVariables();
        Console.WriteLine($"{Prefix}listening {host.Address} {host.Store.Kind}; server GC {GCSettings.IsServerGC}; GC settings " +
            string.Join(", ", gc.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) +
            $"; DuckDB's allocator: dirty decay {DuckDbAllocator.Option("opt.dirty_decay_ms", 8)} ms, muzzy decay {DuckDbAllocator.Option("opt.muzzy_decay_ms", 8)} ms, " +
            $"arenas {DuckDbAllocator.Option("opt.narenas", 4)}, background threads {DuckDbAllocator.Option("background_thread", 1)}");
        await using var sampler = new PeakSampler(host.Store);
        sampler.Start();
        while (await Console.In.ReadLineAsync() is { } command)
        {
            long live = 0;
            switch (command)
            {
                case "settle":
                    await host.Store.SettleAsync();
                    break;
                case "collect":
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    live = GC.GetTotalMemory(forceFullCollection: true);
                    break;
                case "stats":
                    break;
                default:
                    throw new InvalidOperationException($"unknown command {command}: stats, settle, collect");
            }

            var stats = ServerStats.Now(host.Store, await host.Store.DuckDbMemoryAsync(), sampler.Take(), live);
            Console.WriteLine(Prefix + JsonSerializer.Serialize(stats));
        }
    }
}
