using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;
using Microsoft.Extensions.Options;

namespace AirisEpm.PromQlQuery.Benchmarks;

/// <summary>
/// Where metrics-service's time goes, measured in this process over the service's own DuckDB file once the service
/// has stopped: the store read (every select through <see cref="StoreSeriesSource"/>, the adapter the API uses), the
/// evaluation (the same query again over the recorded selects), and the JSON encoding (<see cref="PromJson"/>, as the
/// API writes it). What the HTTP figure has beyond their sum is the request's own cost (Kestrel, auth, parsing).
/// </summary>
public static class StageProfile
{
    public static async Task RunAsync(string duckDbPath, BenchData data, IReadOnlyList<BenchQuery> queries, int repetitions, CancellationToken ct)
    {
        var options = Options.Create(new MetricStoreOptions { DuckDbPath = duckDbPath });
        using var duckDb = new DuckDbMetricStore(options, TimeProvider.System, duckDbPath);
        var store = new TimedMetricStore(duckDb);
        await store.InitializeAsync(ct);
        var engine = new PromQlEngine();
        Console.WriteLine("| query | store read ms (find / count / points) | evaluation ms | JSON ms | samples loaded | JSON bytes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var query in queries)
        {
            var read = new List<double>();
            var (find, count, points) = (new List<double>(), new List<double>(), new List<double>());
            var evaluate = new List<double>();
            var encode = new List<double>();
            long samples = 0;
            long bytes = 0;
            for (var rep = 0; rep <= repetitions; rep++)
            {
                store.Reset();
                var recording = new RecordingSeriesSource(new StoreSeriesSource(store, new SampleBudget(engine.Options.MaxSamples)));
                await RunAsync(engine, recording, query, data, ct);
                var replay = new ReplaySeriesSource(recording.Answers);
                var clock = Stopwatch.StartNew();
                var result = await RunAsync(engine, replay, query, data, ct);
                var evaluationMs = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var buffer = new ArrayBufferWriter<byte>();
                await using (var writer = new Utf8JsonWriter(buffer, PromJson.WriterOptions))
                {
                    PromJson.WriteValue(writer, result.Value);
                }

                var jsonMs = clock.Elapsed.TotalMilliseconds;
                if (rep == 0)
                {
                    continue; // warm-up
                }

                read.Add(recording.Elapsed.TotalMilliseconds);
                find.Add(store.Find.TotalMilliseconds);
                count.Add(store.Count.TotalMilliseconds);
                points.Add(store.Points.TotalMilliseconds);
                evaluate.Add(evaluationMs);
                encode.Add(jsonMs);
                samples = recording.SamplesLoaded;
                bytes = buffer.WrittenCount;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {query.Name} | {Median(read):F1} ({Median(find):F1} / {Median(count):F1} / {Median(points):F1}) | {Median(evaluate):F1} | {Median(encode):F1} | {samples:N0} | {bytes:N0} |"));
        }
    }

    private static Task<QueryResult> RunAsync(PromQlEngine engine, ISeriesSource source, BenchQuery query, BenchData data, CancellationToken ct)
    {
        var expr = PromQlParser.ParseExpr(query.Expr);
        var (start, end) = BenchQuery.Window(data);
        return query.IsRange
            ? engine.RangeAsync(source, expr, start, end, BenchQuery.StepMs, ct)
            : engine.InstantAsync(source, expr, end, ct);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
