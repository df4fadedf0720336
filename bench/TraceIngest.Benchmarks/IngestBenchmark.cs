using System.Globalization;
using AirisEpm.Benchmarks;
using Google.Protobuf;

namespace AirisEpm.TraceIngest.Benchmarks;

// trace-service's span ingest end to end over HTTP on real Kestrel: see README.md.
// Usage: dotnet bin/Release/net10.0/AirisEpm.TraceIngest.Benchmarks.dll [spans per mode=200000] [modes=otlp,zipkin,single,convert] [store=discard|duckdb]
internal static class IngestBenchmark
{
    private const int BatchSize = 512;
    private const int BatchClients = 4;
    private const int SingleClients = 32;

    public static async Task Main(string[] args)
    {
        Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory finds the solution from here
        var spans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var modes = (args.Length > 1 ? args[1] : "otlp,zipkin,single,convert").Split(',');
        var duckDb = args.Length > 2 && args[2] == "duckdb";
        var graph = !(args.Length > 3 && args[3] == "graph=off");

        var otlp = Enumerable.Range(0, 16).Select(b => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(b * BatchSize, BatchSize).ToByteArray(), BatchSize)).ToList();
        var zipkin = Enumerable.Range(0, 16).Select(b => new RequestBody("/api/v2/spans", "application/json", SyntheticSpans.Zipkin(b * BatchSize, BatchSize), BatchSize)).ToList();
        var singles = Enumerable.Range(0, 1_000).Select(i => new RequestBody("/v1/traces", "application/x-protobuf", SyntheticSpans.Otlp(i, 1).ToByteArray(), 1)).ToList();
        Console.WriteLine($"bodies: OTLP {otlp[0].Bytes.Length:N0} B / {BatchSize} spans, Zipkin {zipkin[0].Bytes.Length:N0} B / {BatchSize} spans, single {singles[0].Bytes.Length} B");

        await using var host = new TraceServiceHost(duckDb, graph);
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores; server GC {System.Runtime.GCSettings.IsServerGC}; {host.Store.Kind}; dependency graph {(graph ? "fed" : "off")}");
        using var client = host.Writer();
        await LoadRun.RunAsync("warm-up (otlp)", client, host.Store, otlp, 40, BatchClients);
        await LoadRun.RunAsync("warm-up (single)", client, host.Store, singles, 2_000, SingleClients);

        foreach (var mode in modes)
        {
            switch (mode)
            {
                case "convert":
                    ConverterRun.Otlp(otlp[0].Bytes, BatchSize, spans);
                    ConverterRun.Zipkin(zipkin[0].Bytes, BatchSize, spans);
                    break;
                case "otlp":
                    await LoadRun.RunAsync($"otlp: {BatchSize} x {BatchClients} clients", client, host.Store, otlp, Math.Max(1, spans / BatchSize), BatchClients);
                    break;
                case "zipkin":
                    await LoadRun.RunAsync($"zipkin: {BatchSize} x {BatchClients} clients", client, host.Store, zipkin, Math.Max(1, spans / BatchSize), BatchClients);
                    break;
                case "single":
                    await LoadRun.RunAsync($"single: 1 span x {SingleClients} clients", client, host.Store, singles, spans / 4, SingleClients);
                    break;
                default:
                    throw new ArgumentException($"unknown mode {mode}: convert, otlp, zipkin, single");
            }
        }

        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
