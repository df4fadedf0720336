using System.Diagnostics;
using System.Globalization;
using AirisEpm.Benchmarks;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// Prometheus 2.42's own remote_write receiver and metrics-service, each its own process, loaded by this one process
/// in the same run (README-protocols.md). Modes: <c>throughput</c> (2,000 series × 1 sample per request, 4 senders,
/// rounds alternating A-B then B-A), <c>small</c> (one sample per request, 32 clients, JSON / remote_write / OTLP),
/// <c>reads</c> (names, label values, one series, 32 clients), <c>memory</c> (RSS at 100,000 active series) and
/// <c>stages</c> (decode and store write in process, <see cref="StageProbe"/>) and <c>reopen</c> (a one-series day read
/// from the DuckDB store that wrote it and from one opened again, <see cref="ReopenProbe"/>).
/// </summary>
internal static class SideBySideBenchmark
{
    private const int Senders = 4;
    private const int SeriesPerRequest = 2_000;
    private const int WarmUpRequests = 50;
    private const int SmallClients = 32;
    private const long StepMs = 1_000;

    public static async Task RunAsync(string[] args)
    {
        var modes = (args.Length > 0 ? args[0] : "throughput,small,reads,memory").Split(',');
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 250;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        if (!PrometheusProcess.Installed)
        {
            throw new InvalidOperationException($"{PrometheusProcess.Binary} is not installed (apt-get install prometheus)");
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine($"load average at start: {Load()}; {Environment.ProcessorCount} cores");
        Console.WriteLine(FsyncProbe.Measure());
        var t0 = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000) - 45 * 60_000;

        if (modes.Contains("stages"))
        {
            await StageProbe.RunAsync(requests);
        }

        if (modes.Contains("reopen"))
        {
            await ReopenProbe.RunAsync();
        }

        if (modes.Contains("ingestor"))
        {
            await StageProbe.IngestorAsync(requests * 64);
        }

        if (modes.Intersect(["throughput", "small", "reads", "instant"]).Any())
        {
            using var prometheus = await Receiver.PrometheusAsync();
            using var metrics = await Receiver.MetricsServiceAsync();
            Receiver[] both = [prometheus, metrics];
            var labels = SenderLabels(0);
            var warmUp = Phase(labels, 0, WarmUpRequests, t0);
            foreach (var receiver in both)
            {
                await Measure.IngestAsync(receiver, "warm-up", warmUp);
            }

            if (modes.Contains("throughput"))
            {
                await ThroughputAsync(both, labels, requests, rounds, t0);
            }

            if (modes.Contains("small"))
            {
                await SmallAsync(both, t0, rounds);
            }

            if (modes.Contains("reads"))
            {
                await ReadsAsync(both, t0);
            }

            if (modes.Contains("instant"))
            {
                await InstantAsync(both, t0, requests, rounds);
            }
        }

        if (modes.Contains("memory") || modes.Contains("memory-self"))
        {
            await MemoryAsync(t0, withPrometheus: modes.Contains("memory"));
        }

        Console.WriteLine($"load average at end: {Load()}");
    }

    private static async Task ThroughputAsync(Receiver[] both, List<IReadOnlyList<byte[]>> labels, int requests, int rounds, long t0)
    {
        foreach (var receiver in both.Where(r => !r.IsPrometheus))
        {
            await WarmUpThroughputAsync(receiver, t0);
        }

        var totals = both.ToDictionary(r => r.Name, _ => new Totals());
        for (var round = 0; round < rounds; round++)
        {
            var phase = Phase(labels, WarmUpRequests + round * requests, requests, t0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {Senders} senders x {requests} requests x {SeriesPerRequest} series x 1 sample, {phase.Sum(p => p.Sum(b => (long)b.Bytes.Length)) / 1024.0 / 1024.0:F0} MiB of snappy bodies"));
            foreach (var receiver in round % 2 == 0 ? both : both.Reverse())
            {
                totals[receiver.Name].Add(await Measure.IngestAsync(receiver, $"round {round + 1}", phase));
            }
        }

        var (p, m) = (totals["prometheus"], totals["metrics-service"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput over {rounds} rounds: prometheus {p.Rate:F0} samples/s ({p.CpuPerSample:F2} µs CPU/sample), metrics-service {m.Rate:F0} samples/s ({m.CpuPerSample:F2} µs CPU/sample); ratio {m.Rate / p.Rate:F2}x; until idle {m.DrainedRate / p.DrainedRate:F2}x"));
    }

    /// <summary>
    /// remote_write rounds of the timed shape until metrics-service's JIT is quiet, as the small mode does: with only the
    /// common warm-up, the first timed round ran tier-0 code (2.27 µs of CPU a sample against 0.66–0.95 in the rounds after,
    /// and 0.82 in every round with <c>DOTNET_TieredCompilation=0</c>). The rounds write series of their own (senders past
    /// the timed ones), so the timed series stay in time order; Prometheus, compiled ahead of time, has nothing to warm.
    /// </summary>
    private static async Task WarmUpThroughputAsync(Receiver receiver, long t0)
    {
        var warmLabels = SenderLabels(Senders);
        var warmUp = await JitWarmUp.RunAsync(() => ServerMetrics.CompiledMethodsAsync(receiver.Client),
            round => ClosedLoop.RunPerClientAsync("throughput warm-up", receiver.Client, Phase(warmLabels, round * WarmUpRequests, WarmUpRequests, t0), retryUnavailable: true));
        Console.WriteLine($"{receiver.Name,-16} {JitWarmUp.Describe("remote_write, 2000 series", warmUp, WarmUpRequests * Senders)}");
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of each protocol, the order reversed every other round as in the throughput mode:
    /// whichever ran first after the remote_write warm-up measured the slowest, whether JSON or (its order swapped by hand)
    /// remote_write, and a summary that averages both orders does not favour one protocol. Each protocol is warmed once, in its
    /// first round; later rounds carry on its series where the last one stopped, so every series stays in time order.
    /// </summary>
    private static async Task SmallAsync(Receiver[] both, long t0, int rounds)
    {
        const int PerClient = 600;
        var start = t0 + 30 * 60_000;
        (string Name, Func<int, int, long, RequestBody> Make, bool Prometheus)[] kinds =
        [
            ("JSON, 1 sample", SmallBodies.Json, false),
            ("remote_write, 1 sample", SmallBodies.RemoteWrite, true),
            ("OTLP, 1 sample", SmallBodies.Otlp, false),
        ];
        var next = new Dictionary<(string Receiver, string Kind), int>();
        var totals = new Dictionary<(string Receiver, string Kind), Totals>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, make, onPrometheus) in round % 2 == 0 ? kinds : kinds.Reverse())
            {
                foreach (var receiver in both.Where(r => !r.IsPrometheus || onPrometheus))
                {
                    var key = (receiver.Name, name);
                    var from = next.TryGetValue(key, out var carryOn) ? carryOn : await WarmUpAsync(receiver, name, make, start);
                    next[key] = from + PerClient;
                    var timed = Enumerable.Range(0, SmallClients).Select(c => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(from, PerClient).Select(k => make(c, k, start))]).ToList();
                    var measured = await Measure.IngestAsync(receiver, $"round {round + 1}: {name} x {SmallClients} clients", timed, perRequest: true);
                    (totals.TryGetValue(key, out var total) ? total : totals[key] = new Totals()).Add(measured);
                }
            }
        }

        foreach (var ((receiver, kind), total) in totals)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{receiver,-16} {kind} over {rounds} rounds: {total.Rate:F0} req/s, server {total.CpuPerSample:F1} µs CPU/request"));
        }
    }

    /// <summary>
    /// Rounds of 50 requests a client until the server's JIT is quiet (<see cref="JitWarmUp"/>, read from
    /// metrics-service's <c>/metrics</c>; Prometheus, compiled ahead of time, gets one round). Returns the request index
    /// the timed phase starts at.
    /// </summary>
    private static async Task<int> WarmUpAsync(Receiver receiver, string name, Func<int, int, long, RequestBody> make, long start)
    {
        const int PerRound = 50;
        Func<Task<long>> compiled = receiver.IsPrometheus ? () => Task.FromResult(0L) : () => ServerMetrics.CompiledMethodsAsync(receiver.Client);
        var warmUp = await JitWarmUp.RunAsync(compiled, round => ClosedLoop.RunPerClientAsync(name, receiver.Client,
            [.. Enumerable.Range(0, SmallClients).Select(c => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(round * PerRound, PerRound).Select(i => make(c, i, start))])]));
        Console.WriteLine($"{receiver.Name,-16} {JitWarmUp.Describe(name, warmUp, PerRound * SmallClients)}");
        return warmUp.Rounds * PerRound;
    }

    private static async Task ReadsAsync(Receiver[] both, long t0)
    {
        const int Requests = 12_000;
        var end = (t0 / 1000) + 40 * 60;
        // The warm-up wrote one sample a second from t0 on: 5 minutes back from here, the series has its 50 samples.
        var withData = (t0 / 1000) + WarmUpRequests;
        const string OneSeries = "node_cpu_seconds_total%7Bsender%3D%220%22%2Cseries%3D%227%22%7D";
        foreach (var receiver in both)
        {
            (string Name, string Path)[] reads = receiver.IsPrometheus
                ? [("metric names", "/api/v1/label/__name__/values"), ("label values (instance)", "/api/v1/label/instance/values"),
                   ("one series, instant", $"/api/v1/query?query={OneSeries}&time={end}")]
                : [("metric names", "/api/v1/metrics/names"), ("label values (instance)", "/api/v1/metrics/labels/instance/values"),
                   ("one series, last 5 minutes", $"/api/v1/metrics/query_range?name=node_cpu_seconds_total&match[]={OneSeries[22..]}&start={end - 300}&end={end}&step=300&agg=max&group_by=&tier=raw"),
                   ("one series, instant", $"/api/v1/query?query={OneSeries}&time={end}")];
            reads = [.. reads,
                ("one series, instant, 50 samples back", $"/api/v1/query?query={OneSeries}&time={withData}"),
                ("one series, rate over 5 minutes", $"/api/v1/query?query=rate({OneSeries}%5B5m%5D)&time={withData}")];
            foreach (var (name, path) in reads)
            {
                await ClosedLoop.RunAsync(name, receiver.Client, [RequestBody.Get(path)], 500, SmallClients);
                await Measure.ReadsAsync(receiver, $"{name} x {SmallClients} clients", RequestBody.Get(path), Requests, SmallClients);
            }
        }
    }

    /// <summary>
    /// One-series instant queries (<c>/api/v1/query</c>, what a dashboard's stat panel or a rule asks), 32 closed-loop
    /// clients cycling over 64 series of the warm-up's data at a time where each has its 50 samples, on both servers:
    /// <paramref name="thousands"/> thousand requests per round, rounds alternating which server goes first.
    /// </summary>
    private static async Task InstantAsync(Receiver[] both, long t0, int thousands, int rounds)
    {
        var at = (t0 / 1000) + WarmUpRequests;
        var queries = Enumerable.Range(0, 64)
            .Select(i => RequestBody.Get($"/api/v1/query?query=node_cpu_seconds_total%7Bsender%3D%22{i % Senders}%22%2Cseries%3D%22{i * 31}%22%7D&time={at}")).ToList();
        foreach (var receiver in both)
        {
            // A cheap read is only a fair one if it finds the series: each answer must hold exactly one sample.
            foreach (var query in queries)
            {
                var answer = await receiver.Client.GetStringAsync(query.Path);
                if (answer.Split("\"__name__\"").Length != 2 || !answer.Contains("\"resultType\":\"vector\"", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{receiver.Name} answered {query.Path} with {answer}");
                }
            }

            await ClosedLoop.RunAsync("instant warm-up", receiver.Client, queries, 2_000, SmallClients);
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var receiver in round % 2 == 0 ? both : both.Reverse())
            {
                await Measure.ReadsAsync(receiver, $"round {round + 1}: one-series instant x {SmallClients} clients", queries, thousands * 1_000, SmallClients);
            }
        }
    }

    /// <summary>100,000 series, 2,000 per request, 10 samples each 1 s apart (4 senders owning 25,000 series each): then RSS.</summary>
    private static async Task MemoryAsync(long t0, bool withPrometheus)
    {
        const int ActiveSeries = 100_000;
        const int Scrapes = 10;
        var blocks = ActiveSeries / SeriesPerRequest;
        var perSender = Enumerable.Range(0, Senders).Select(s => Enumerable.Range(0, blocks).Where(b => b % Senders == s)
            .Select(b => (IReadOnlyList<byte[]>)[.. Enumerable.Range(b * SeriesPerRequest, SeriesPerRequest).Select(i => RemoteWriteBody.SeriesLabels(s, i, "node_memory_bench"))]).ToList()).ToList();
        var bodies = perSender.Select(sender => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(0, Scrapes)
            .SelectMany(k => sender.Select(block => RemoteWriteBody.Build(block, t0 + k * StepMs, k)))]).ToList();
        Func<Task<Receiver>> metricsService = () => Receiver.MetricsServiceAsync();
        foreach (var start in withPrometheus ? [Receiver.PrometheusAsync, metricsService] : new[] { metricsService })
        {
            using var receiver = await start();
            await Task.Delay(2_000);
            var idle = receiver.RssBytes;
            await Measure.IngestAsync(receiver, $"memory: {ActiveSeries} series x {Scrapes} samples", bodies);
            await Task.Delay(5_000);
            var rss = receiver.RssBytes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{receiver.Name,-16} memory at {ActiveSeries} active series: RSS {rss / 1048576.0:F0} MiB = {rss / (double)ActiveSeries:F0} bytes/series; idle before load {idle / 1048576.0:F0} MiB, growth {(rss - idle) / (double)ActiveSeries:F0} bytes/series"));
            Console.WriteLine($"  {ProcessUsage.RssParts(receiver.ProcessId)}");
            // Both runtimes hand memory back in the background (Go's scavenger, the GC's trim, DuckDB's allocator): settled is 20 s after.
            await Task.Delay(15_000);
            var settled = receiver.RssBytes;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{receiver.Name,-16} memory at {ActiveSeries} active series, 20 s after: RSS {settled / 1048576.0:F0} MiB = {settled / (double)ActiveSeries:F0} bytes/series; {ProcessUsage.RssParts(receiver.ProcessId)}"));
            if (!receiver.IsPrometheus)
            {
                // Where it is: the managed heap as the runtime reports it (its own /metrics), the rest is native (DuckDB, the runtime).
                var metrics = await receiver.Client.GetStringAsync("/metrics");
                var committed = 0.0;
                foreach (var line in metrics.Split('\n').Where(l => !l.StartsWith('#') && l.Contains("gc_", StringComparison.Ordinal) && (l.Contains("heap", StringComparison.Ordinal) || l.Contains("committed", StringComparison.Ordinal))))
                {
                    Console.WriteLine("  " + line);
                    if (line.StartsWith("dotnet_gc_last_collection_memory_committed_size_bytes", StringComparison.Ordinal))
                    {
                        committed = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  managed heap committed {committed / 1048576:F0} MiB; anonymous memory besides it (native: DuckDB, the runtime, JIT code) {ProcessUsage.AnonymousBytes(receiver.ProcessId) / 1048576.0 - committed / 1048576:F0} MiB"));

                // BENCH_HOLD_SECONDS keeps the loaded server up for a look from outside (dotnet-gcdump collect -p <pid>).
                if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOLD_SECONDS"), out var hold) && hold > 0)
                {
                    Console.WriteLine($"  holding pid {receiver.ProcessId} for {hold} s");
                    await Task.Delay(TimeSpan.FromSeconds(hold));
                }
            }
        }
    }

    /// <summary>The series labels of <see cref="Senders"/> senders from <paramref name="firstSender"/> on, each its <see cref="SeriesPerRequest"/> series.</summary>
    private static List<IReadOnlyList<byte[]>> SenderLabels(int firstSender) =>
        [.. Enumerable.Range(firstSender, Senders).Select(s => (IReadOnlyList<byte[]>)[.. Enumerable.Range(0, SeriesPerRequest).Select(i => RemoteWriteBody.SeriesLabels(s, i))])];

    /// <summary>Per sender, <paramref name="count"/> requests of its series at request numbers first, first+1, … (one per second of sample time).</summary>
    private static List<IReadOnlyList<RequestBody>> Phase(List<IReadOnlyList<byte[]>> labels, int first, int count, long t0) =>
        [.. labels.Select(series => (IReadOnlyList<RequestBody>)[.. Enumerable.Range(first, count).Select(k => RemoteWriteBody.Build(series, t0 + k * StepMs, k))])];

    public static string Load() => File.ReadAllText("/proc/loadavg").Trim();

    /// <summary>Sums of the timed rounds of one receiver.</summary>
    private sealed class Totals
    {
        private long _samples;
        private double _seconds;
        private double _drainedSeconds;
        private double _cpuMicroseconds;

        public double Rate => _samples / _seconds;

        public double DrainedRate => _samples / _drainedSeconds;

        public double CpuPerSample => _cpuMicroseconds / _samples;

        public void Add(Measured run)
        {
            _samples += run.Items;
            _seconds += run.Seconds;
            _drainedSeconds += run.Seconds + run.DrainSeconds;
            _cpuMicroseconds += run.ServerCpu.TotalMicroseconds;
        }
    }
}

/// <summary>One timed load on one receiver: what was sent, how long it took, and the server's CPU including work after the last answer.</summary>
internal sealed record Measured(long Items, double Seconds, double DrainSeconds, TimeSpan ServerCpu);

/// <summary>Runs a closed loop against one receiver and prints its rate, latency, the server's CPU and RSS, and the load.</summary>
internal static class Measure
{
    public static async Task<Measured> IngestAsync(Receiver receiver, string name, IReadOnlyList<IReadOnlyList<RequestBody>> perClient, bool perRequest = false)
    {
        var cpu = receiver.Cpu;
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = ProcessUsage.MachineTicks();
        var run = await ClosedLoop.RunPerClientAsync(name, receiver.Client, perClient, retryUnavailable: true);
        var drain = await WaitIdleAsync(receiver);
        return Print(receiver, name, run, cpu, self, machine, drain, perRequest);
    }

    public static Task<Measured> ReadsAsync(Receiver receiver, string name, RequestBody read, int requests, int clients) =>
        ReadsAsync(receiver, name, [read], requests, clients);

    public static async Task<Measured> ReadsAsync(Receiver receiver, string name, IReadOnlyList<RequestBody> reads, int requests, int clients)
    {
        var cpu = receiver.Cpu;
        var self = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = ProcessUsage.MachineTicks();
        var run = await ClosedLoop.RunAsync(name, receiver.Client, reads, requests, clients);
        return Print(receiver, name, run, cpu, self, machine, 0, perRequest: true);
    }

    private static Measured Print(Receiver receiver, string name, ClosedLoopResult run, TimeSpan cpuBefore, TimeSpan selfBefore, (long, long) machineBefore, double drain, bool perRequest)
    {
        var serverCpu = receiver.Cpu - cpuBefore;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - selfBefore;
        var requests = run.SortedLatenciesMs.Length;
        var unit = perRequest ? "request" : "sample";
        var per = perRequest ? requests : run.Items;
        var volume = perRequest ? "" : string.Create(CultureInfo.InvariantCulture, $"{run.Items,9} samples {run.Items / run.Seconds,9:F0} samples/s ");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{receiver.Name,-16} {name,-40} {volume}{requests,6} req {run.Seconds,6:F1} s {requests / run.Seconds,7:F0} req/s " +
            $"p50 {run.Percentile(0.50),6:F1} ms p95 {run.Percentile(0.95),6:F1} ms p99 {run.Percentile(0.99),6:F1} ms; {run.Retries} retried 503s; idle {drain:F1} s after; " +
            $"server {serverCpu.TotalMicroseconds / per:F2} µs CPU/{unit}, client {clientCpu.TotalMicroseconds / per:F2} µs CPU/{unit}; RSS {receiver.RssBytes / 1048576.0:F0} MiB; steal {ProcessUsage.StealPercent(machineBefore):F0} %, load {SideBySideBenchmark.Load()}"));
        return new Measured(run.Items, run.Seconds, drain, serverCpu);
    }

    /// <summary>
    /// Seconds until the server's CPU use falls below a tenth of a core over 250 ms: work a server defers past its
    /// answers (applying a write-ahead log to the store) is counted in its CPU and in the "until idle" rate.
    /// </summary>
    private static async Task<double> WaitIdleAsync(Receiver receiver)
    {
        var watch = Stopwatch.StartNew();
        var last = receiver.Cpu;
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(250);
            var now = receiver.Cpu;
            if ((now - last).TotalMilliseconds < 25)
            {
                return Math.Max(0, watch.Elapsed.TotalSeconds - 0.25);
            }

            last = now;
        }

        return watch.Elapsed.TotalSeconds;
    }
}
