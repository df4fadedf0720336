using System.Diagnostics;
using System.Globalization;
using AirisEpm.Benchmarks;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using AirisEpm.LogStore.Benchmarks;
using Microsoft.Extensions.Options;

// The embedded Lucene log store alone (no HTTP): append throughput, then search latency over a
// large store. Usage: dotnet run -c Release --project bench/LogStore.Benchmarks -- [records] [folder]
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "airis-logbench-" + Guid.NewGuid().ToString("N"));
var dayNs = 86_400_000_000_000L;
var startNs = ((DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 86_400) - 2) * 86_400L * 1_000_000_000; // midnight UTC two days ago
var spacingNs = dayNs / total; // the whole store covers one UTC day: one partition
var ct = CancellationToken.None;
Console.WriteLine($"store: {folder}, {total:N0} records over one day; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Trim()}");

// What making the synthetic records costs by itself (it is inside the append figures below).
var generator = ProcessCost.Start();
var made = 0L;
for (var i = 0; i < 100_000; i++)
{
    made += SyntheticLogs.Make(i, startNs + (i * spacingNs)).Message.Length;
}

Console.WriteLine($"{"making the records alone (100,000)",-75} {generator.PerRecord(100_000)} ({made} chars)");

try
{
    using var store = new LuceneLogStore(Options.Create(new LogStoreOptions()), folder);
    await store.InitializeAsync(ct);

    // 1. Batches of 1,000, one at a time (what the batching writer sends under load).
    var next = 0;
    var cost = ProcessCost.Start();
    var watch = Stopwatch.StartNew();
    while (next < total)
    {
        var count = Math.Min(1_000, total - next);
        await store.AppendAsync(Enumerable.Range(next, count).Select(i => SyntheticLogs.Make(i, startNs + (i * spacingNs))).ToList(), ct);
        next += count;
        if (next == 200_000)
        {
            await SettleAsync();
            Report("append, batches of 1,000, sequential (first 200,000)", next, watch.Elapsed, cost);
        }
    }

    await SettleAsync();
    Report($"append, batches of 1,000, sequential (all {total:N0})", total, watch.Elapsed, cost);

    // 2. 32 concurrent callers appending 10 records each (many small requests sharing fsyncs).
    const int Concurrent = 32;
    const int Small = 10;
    const int PerCaller = 100;
    var concurrentStart = startNs + dayNs;
    cost = ProcessCost.Start();
    watch.Restart();
    await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(c => Task.Run(async () =>
    {
        for (var b = 0; b < PerCaller; b++)
        {
            var first = (c * PerCaller * Small) + (b * Small);
            await store.AppendAsync(Enumerable.Range(first, Small).Select(i => SyntheticLogs.Make(total + i, concurrentStart + (i * 1_000_000L))).ToList(), ct);
        }
    })));
    await SettleAsync();
    Report($"append, {Concurrent} concurrent callers x {PerCaller} appends of {Small}", Concurrent * PerCaller * Small, watch.Elapsed, cost, Concurrent * PerCaller);

    cost = ProcessCost.Start();
    watch.Restart();
    await store.CommitAsync();
    Console.WriteLine($"commit: {watch.Elapsed.TotalMilliseconds:F0} ms ({cost.PerRecord(total + (Concurrent * PerCaller * Small))} of everything appended)");
    Console.WriteLine($"load after appending {File.ReadAllText("/proc/loadavg").Trim()}; peak RSS {PeakRss() / 1024 / 1024} MiB");

    // An append is acknowledged once in the WAL and indexed behind: the figures include the indexing, waited for by a read.
    async Task SettleAsync()
    {
        while (true)
        {
            try
            {
                await store.SearchAsync(new LogQuery(null, startNs, startNs + 1, Limit: 0), ct);
                return;
            }
            catch (AirisEpm.ServiceDefaults.Batching.BackpressureException)
            {
                // more than the read wait's worth still to index on a loaded machine: wait again
            }
        }
    }

    // 3. Searches over the day holding `total` records, newest 100 with totals, as the console asks.
    var day = new LogQuery(null, startNs, startNs + dayNs, Limit: 100);
    await TimeAsync("term: timeout", day with { Text = "timeout" });
    await TimeAsync("phrase: \"connection refused\"", day with { Text = "\"connection refused\"" });
    await TimeAsync("filtered: refused + service=checkout + level=error", day with { Text = "refused", Service = "checkout", Level = Severity.Error });
    await TimeAsync("field query: service:payments AND level:warn AND labels.host:payments-1", day with { Text = "service:payments AND level:warn AND labels.host:payments-1" });
    await TimeAsync("rare id: fields.user_id:4242", day with { Text = "fields.user_id:4242" });
    await TimeAsync("term + 60-bucket histogram", day with { Text = "timeout", HistogramBuckets = 60 });
    await TimeAsync("last 15 minutes, all records", day with { StartNs = startNs + dayNs - (15 * 60_000_000_000L) });

    // 4. GetAsync (GET /api/v1/logs/{id}, /context) for 100 stored ids spread over the day, and for 100 ids stored nowhere.
    var stored = new List<string>();
    for (var i = 0; i < 100; i++)
    {
        var at = startNs + (i * (dayNs / 100));
        stored.AddRange((await store.SearchAsync(day with { StartNs = at, EndNs = at + 60_000_000_000L, Limit = 1 }, ct)).Hits.Select(h => h.Record.Id));
    }

    await TimeGetsAsync($"get by id, {stored.Count} stored ids", stored);
    await TimeGetsAsync("get by id, 100 ids stored nowhere", [.. Enumerable.Range(0, 100).Select(i => startNs + (i * (dayNs / 100)) + 1).Select(at => RecordIds.New(at))]);
    Console.WriteLine($"load at end {File.ReadAllText("/proc/loadavg").Trim()}");

    async Task TimeGetsAsync(string what, IReadOnlyList<string> ids)
    {
        foreach (var id in ids.Take(5))
        {
            await store.GetAsync(id, ct);
        }

        var times = new List<double>();
        var found = 0;
        foreach (var id in ids)
        {
            var one = Stopwatch.StartNew();
            found += await store.GetAsync(id, ct) is null ? 0 : 1;
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{what,-75} p50 {times[times.Count / 2],7:F1} ms  p95 {times[(times.Count * 95 / 100) - 1],7:F1} ms  max {times[^1],7:F1} ms  ({found} found)");
    }

    async Task TimeAsync(string what, LogQuery query)
    {
        for (var i = 0; i < 5; i++)
        {
            await store.SearchAsync(query, ct);
        }

        var times = new List<double>();
        LogSearchResult? result = null;
        for (var i = 0; i < 100; i++)
        {
            var one = Stopwatch.StartNew();
            result = await store.SearchAsync(query, ct);
            times.Add(one.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"{what,-75} p50 {times[49],7:F1} ms  p95 {times[94],7:F1} ms  max {times[^1],7:F1} ms  (total {result!.Total}{(result.TotalIsLowerBound ? "+" : "")}, {result.Hits.Count} hits)");
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Report(string what, long records, TimeSpan elapsed, ProcessCost cost, int? appends = null) =>
    Console.WriteLine($"{what,-75} {records / elapsed.TotalSeconds,10:N0} records/s ({elapsed.TotalSeconds:F1} s{(appends is { } a ? $", {a / elapsed.TotalSeconds:N0} appends/s" : "")}); {cost.PerRecord(records)}");

static long PeakRss() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => long.Parse(l["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024).FirstOrDefault();
