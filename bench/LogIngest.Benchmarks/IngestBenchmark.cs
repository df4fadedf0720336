using System.Globalization;
using AirisEpm.Benchmarks;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.LogIngest.Benchmarks;

// log-service's ingest end to end over HTTP on real Kestrel: see README.md.
// Usage: dotnet bin/Release/net10.0/AirisEpm.LogIngest.Benchmarks.dll [lines per batch mode=200000] [modes=ndjson,text,otlp,loki,single | stages] [batch clients=4] [searched: a search every second during each run]
internal static class IngestBenchmark
{
    public static async Task Main(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var modes = (args.Length > 1 ? args[1] : "ndjson,text,otlp,loki,single").Split(',');
        const int BatchSize = 1_000;
        var batchClients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
        var searched = args.Length > 3 && (args[3] == "searched" ? true : throw new ArgumentException($"unknown fourth argument {args[3]}: searched, or none"));
        const int WarmUpBatchesPerClient = 4;
        const int SingleClients = 32;
        var batches = Math.Max(1, lines / BatchSize);

        if (modes is ["stages"])
        {
            StageProbe.Run(lines);
            return;
        }

        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}; {Environment.ProcessorCount} cores");
        using var host = await LogServiceHost.StartAsync();
        using var client = host.Client(Permissions.LogsWrite);

        // Warm-up: JIT, the miner's first clusters, the day's partition.
        await LoadRun.RunAsync("warm-up (ndjson)", host, client, [RequestBodies.Ndjson(0, BatchSize)], 20, batchClients);

        foreach (var mode in modes)
        {
            Func<int, int, RequestBody> make = mode switch
            {
                "ndjson" => RequestBodies.Ndjson,
                "text" => RequestBodies.PlainText,
                "otlp" => RequestBodies.Otlp,
                "loki" => RequestBodies.Loki,
                "single" => RequestBodies.Ndjson,
                _ => throw new ArgumentException($"unknown mode {mode}: ndjson, text, otlp, loki, single"),
            };
            if (mode == "single")
            {
                var singles = Enumerable.Range(0, 1_000).Select(i => make(i, 1)).ToList();
                var warmUp = await JitWarmUp.RunAsync(host.CompiledMethodsAsync, _ => ClosedLoop.RunPerClientAsync("single warm-up", client,
                    [.. Enumerable.Range(0, SingleClients).Select(c => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(0, 50).Select(i => singles[(c * 50 + i) % singles.Count])])]));
                Console.WriteLine(JitWarmUp.Describe("single", warmUp, 50 * SingleClients));
                await LoadRun.RunAsync($"single: 1 record x {SingleClients} clients", host, client, singles, lines / 4, SingleClients, searched);
            }
            else
            {
                var bodies = Enumerable.Range(0, 16).Select(b => make(b * BatchSize, BatchSize)).ToList();
                var warmUp = await JitWarmUp.RunAsync(host.CompiledMethodsAsync, _ => ClosedLoop.RunPerClientAsync($"{mode} warm-up", client,
                    [.. Enumerable.Range(0, batchClients).Select(c => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(0, WarmUpBatchesPerClient).Select(i => bodies[((c * WarmUpBatchesPerClient) + i) % bodies.Count])])]));
                Console.WriteLine(JitWarmUp.Describe(mode, warmUp, WarmUpBatchesPerClient * batchClients));
                await LoadRun.RunAsync($"{mode}: {BatchSize} x {batchClients} clients", host, client, bodies, batches, batchClients, searched);
            }
        }

        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
