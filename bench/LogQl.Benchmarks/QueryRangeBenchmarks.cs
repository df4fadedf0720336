using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogQl.Benchmarks;

/// <summary>
/// <c>query_range</c> through <see cref="LogQlEngine"/> over a Lucene store (temporary folder) holding
/// 100,000 records: one hour, one record every 36 ms, 4 services × 3 envs (12 streams per level), levels
/// 70 % info, 20 % warn, 10 % error, logfmt lines. Every metric query covers the hour at a 1-minute step
/// (61 points); the metric ones read, or count, all 100,000 records.
/// </summary>
[MemoryDiagnoser]
public class QueryRangeBenchmarks
{
    public const int Records = 100_000;
    private static readonly string[] Services = ["api", "web", "worker", "billing"];
    private static readonly string[] Envs = ["prod", "stg", "dev"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-logql-bench-" + Guid.NewGuid().ToString("N"));
    private LuceneLogStore _store = null!;
    private LogQlEngine _engine = null!;
    private long _startNs;
    private long _endNs;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = new LuceneLogStore(Options.Create(new LogStoreOptions()), _folder);
        await _store.InitializeAsync(CancellationToken.None);
        _endNs = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60 * 1_000_000_000;
        _startNs = _endNs - (3_600L * 1_000_000_000);
        var batch = new List<LogRecord>(10_000);
        for (var i = 0; i < Records; i++)
        {
            var level = (i % 10) switch { 0 => Severity.Error, 1 or 2 => Severity.Warn, _ => Severity.Info };
            var status = level == Severity.Error ? 500 : 200;
            var message = $"level={SeverityNames.Of(level)} method=GET path=/api/items/{i % 50} status={status} duration={i % 900}ms msg=\"request served\"";
            batch.Add(new LogRecord($"b{i:D7}", _startNs + (i * 36_000_000L), level, message, Services[i % 4], null, null,
                new Dictionary<string, string> { ["env"] = Envs[i % 3] }, new Dictionary<string, string>()));
            if (batch.Count == batch.Capacity)
            {
                await _store.AppendAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        _engine = new LogQlEngine(_store, Options.Create(new LogQlOptions()));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Grafana's volume query: counted from the index (histogram), no record read.</summary>
    [Benchmark]
    public Task<QueryResult> VolumeByLevel() => Metric("sum by (level, detected_level) (count_over_time({service_name=~\".+\"}[1m]))");

    /// <summary>count_over_time per stream: every record read (36 series).</summary>
    [Benchmark]
    public Task<QueryResult> CountPerStream() => Metric("count_over_time({service_name=~\".+\"}[1m])");

    /// <summary>A line filter: the index narrows to the 10,000 lines holding a word starting "500", each then checked.</summary>
    [Benchmark]
    public Task<QueryResult> CountWithLineFilter() => Metric("sum(count_over_time({service_name=~\".+\"} |= \"status=500\" [1m]))");

    /// <summary>logfmt on every line, grouped by an extracted label.</summary>
    [Benchmark]
    public Task<QueryResult> CountByParsedLabel() => Metric("sum by (status) (count_over_time({service_name=~\".+\"} | logfmt [1m]))");

    /// <summary>Explore's log query: the newest 1,000 lines of one service holding "status=500".</summary>
    [Benchmark]
    public Task<QueryResult> NewestLines() =>
        _engine.RangeQueryAsync("{service_name=\"api\"} |= \"status=500\"", _startNs, _endNs, 60_000_000_000, 1_000, backward: true, CancellationToken.None);

    private Task<QueryResult> Metric(string query) =>
        _engine.RangeQueryAsync(query, _startNs, _endNs, 60_000_000_000, 100, backward: true, CancellationToken.None);
}
