using System.Diagnostics;
using System.Globalization;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.DuckDb;
using AirisEpm.TraceStore.Benchmarks;

// The embedded DuckDB trace store alone (no HTTP): write throughput in batches of 512, then trace lookup by id
// and search latency over what was written; wall times per call, and the process CPU time per call (the machine is
// shared, so wall time under load overstates what one call costs). Usage:
//   dotnet bench/TraceStore.Benchmarks/bin/Release/net10.0/AirisEpm.TraceStore.Benchmarks.dll [spans=1000000] [folder] [lookups]
// (`lookups`: the lookups by id alone, not the searches after them)
// or, for what opening the console's 10,000-span trace costs stage by stage (TraceOpenStages), with `open`.
if (args is ["open", ..])
{
    var openFolder = Path.Combine(Path.GetTempPath(), "airis-traceopen-" + Guid.NewGuid().ToString("N"));
    try
    {
        await TraceOpenStages.RunAsync(openFolder);
    }
    finally
    {
        Directory.Delete(openFolder, recursive: true);
    }

    return;
}

var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
// A folder named on the command line is kept (with its store) for a later run to read; the default one is deleted.
var keep = args.Length > 1;
var lookupsOnly = args.Length > 2 && args[2] == "lookups";
var folder = keep ? args[1] : Path.Combine(Path.GetTempPath(), "airis-tracebench-" + Guid.NewGuid().ToString("N"));
const int Batch = 512;
var traces = total / SyntheticTraces.SpansPerTrace;
var dayNs = 86_400_000_000_000L;
var startNs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000) - dayNs; // the store covers the last 24 hours
var spacingNs = dayNs / traces;
var ct = CancellationToken.None;
Console.WriteLine($"store: {folder}, {total:N0} spans ({traces:N0} traces) over 24 h; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}");

try
{
    using var store = new DuckDbTraceStore(Path.Combine(folder, "traces.duckdb"));
    await store.InitializeAsync(ct);

    // 1. Batches of 512, one at a time (what the batching writer sends under load), each durable on return (in the
    // store's write-ahead log); then a read, which waits until all of it is applied to DuckDB.
    var existing = (await SettleAsync(store)).Count > 0;
    var spans = Enumerable.Range(0, existing ? 0 : traces).SelectMany(t => SyntheticTraces.Trace(t, startNs + (t * spacingNs)));
    var watch = Stopwatch.StartNew();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var written = 0;
    foreach (var chunk in spans.Chunk(Batch))
    {
        await store.WriteAsync(chunk, ct);
        written += chunk.Length;
    }

    var logged = watch.Elapsed.TotalSeconds;
    await SettleAsync(store);
    var applied = watch.Elapsed.TotalSeconds;
    var cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds;
    if (written > 0)
    {
        Console.WriteLine($"{"write, batches of 512, sequential (acknowledged)",-62} {written / logged,10:N0} spans/s ({logged:F1} s)");
        Console.WriteLine($"{"  ... and applied to DuckDB",-62} {written / applied,10:N0} spans/s ({applied:F1} s), CPU {cpuUs / written:F1} µs/span (generating the spans included)");
    }
    else
    {
        Console.WriteLine($"reading the store left in {folder}");
    }

    Console.WriteLine($"database file: {new FileInfo(Path.Combine(folder, "traces.duckdb")).Length / 1_048_576.0:F0} MB; load {File.ReadAllText("/proc/loadavg").Trim()}");

    // 2. Trace lookup by id: 1,000 traces spread over the whole day, after 50 warm-ups.
    var random = new Random(42);
    var ids = Enumerable.Range(0, 1_050).Select(_ => SyntheticTraces.TraceId(random.Next(traces))).ToArray();
    await TimeAsync("trace lookup by id (10 spans)", 1_000, 50, async i =>
    {
        var trace = await store.GetTraceAsync(ids[i], ct);
        return trace.Count == SyntheticTraces.SpansPerTrace ? "" : $"expected 10 spans, got {trace.Count}";
    });
    await TimeAsync("trace lookup, unknown id", 200, 10, async i => (await store.GetTraceAsync("f" + i.ToString("x31", CultureInfo.InvariantCulture), ct)).Count == 0 ? "" : "found");

    if (lookupsOnly)
    {
        Console.WriteLine($"load at end {File.ReadAllText("/proc/loadavg").Trim()}");
        return;
    }

    // 3. Searches, 20 newest traces (Jaeger's default), 100 timed after 5 warm-ups.
    var end = startNs + dayNs;
    var hour = 3_600_000_000_000L;
    await SearchAsync("search: service=checkout, last hour", new TraceQuery(end - hour, end, Service: "checkout"));
    await SearchAsync("search: service=payments, op, minDuration 30ms, last hour", new TraceQuery(end - hour, end, "payments", "payments op 3", MinDurationNs: 30_000_000));
    await SearchAsync("search: tag http.status_code=500, last 6 hours", new TraceQuery(end - (6 * hour), end, Tags: new Dictionary<string, string> { ["http.status_code"] = "500" }));
    await SearchAsync("search: service=api + resource tag host.name=api-1, 24 hours", new TraceQuery(startNs, end, "api", Tags: new Dictionary<string, string> { ["host.name"] = "api-1" }));
    await SearchAsync("search: rare tag customer.id=4242, 24 hours", new TraceQuery(startNs, end, Tags: new Dictionary<string, string> { ["customer.id"] = "4242" }));
    Console.WriteLine($"load at end {File.ReadAllText("/proc/loadavg").Trim()}");

    Task SearchAsync(string what, TraceQuery query) =>
        TimeAsync(what, 100, 5, async _ => (await store.SearchAsync(query, ct)).Count > 0 ? "" : "no traces found");
}
finally
{
    if (!keep) Directory.Delete(folder, recursive: true);
}

// A read waits for everything acknowledged to be applied; past its timeout (a long backlog) it is refused: ask again.
static async Task<IReadOnlyList<string>> SettleAsync(DuckDbTraceStore store)
{
    while (true)
    {
        try
        {
            return await store.GetServicesAsync(CancellationToken.None);
        }
        catch (AirisEpm.ServiceDefaults.Batching.BackpressureException)
        {
        }
    }
}

static async Task TimeAsync(string what, int runs, int warmups, Func<int, Task<string>> run)
{
    for (var i = 0; i < warmups; i++)
    {
        await run(runs + i);
    }

    var times = new List<double>(runs);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < runs; i++)
    {
        var one = Stopwatch.StartNew();
        var problem = await run(i);
        times.Add(one.Elapsed.TotalMilliseconds);
        if (problem.Length > 0)
        {
            throw new InvalidOperationException($"{what}: {problem}");
        }
    }

    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
    times.Sort();
    Console.WriteLine($"{what,-62} p50 {times[(runs / 2) - 1],7:F2} ms  p95 {times[(runs * 95 / 100) - 1],7:F2} ms  max {times[^1],7:F2} ms  cpu {cpuMs,6:F2} ms/op");
}
