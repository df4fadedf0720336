using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>The scanner reads every match exactly once, in order, in windows (including a burst larger than a window at one instant), within its budget.</summary>
public sealed class RecordScannerTests : IAsyncLifetime
{
    private const long Second = 1_000_000_000;
    private const int Window = 100;
    private static readonly long Base = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * Second;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-scan-" + Guid.NewGuid().ToString("N"));
    private LuceneLogStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new LuceneLogStore(Options.Create(new LogStoreOptions()), _folder);
        await _store.InitializeAsync(Ct);
        // 1,500 records one per 100 ms, then a burst of 1,200 in the same nanosecond: with windows of 100 records, many windows and a burst larger than one.
        var records = Enumerable.Range(0, 1_500).Select(i => Record(i, Base + (i * 100_000_000L), i % 2 == 0 ? "even" : "odd"))
            .Concat(Enumerable.Range(1_500, 1_200).Select(i => Record(i, Base + (200 * Second), "burst")))
            .ToList();
        foreach (var chunk in records.Chunk(1_000))
        {
            await _store.AppendAsync(chunk, Ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_match_comes_once_in_order(bool newestFirst)
    {
        var scanner = new RecordScanner(_store, new QueryBudget(1_000_000), Window);
        var seen = new List<LogRecord>();
        await foreach (var record in scanner.ScanAsync(null, Base, Base + (300 * Second), newestFirst, readAll: true, 100, Ct))
        {
            seen.Add(record);
        }

        Assert.Equal(2_700, seen.Count);
        Assert.Equal(2_700, seen.Select(r => r.Id).Distinct().Count());
        var order = seen.Select(r => (r.TimestampNs, r.Id)).ToList();
        var sorted = newestFirst ? order.OrderByDescending(o => o.TimestampNs).ThenByDescending(o => o.Id, StringComparer.Ordinal) : order.OrderBy(o => o.TimestampNs).ThenBy(o => o.Id, StringComparer.Ordinal);
        Assert.Equal(sorted, order);
    }

    [Fact]
    public async Task A_filter_narrows_what_is_read()
    {
        var budget = new QueryBudget(1_000_000);
        var count = 0;
        await foreach (var record in new RecordScanner(_store, budget, Window).ScanAsync("message:\"odd\"", Base, Base + (300 * Second), false, true, 100, Ct))
        {
            Assert.Equal("odd", record.Message);
            count++;
        }

        Assert.Equal(750, count);
        Assert.Equal(750, budget.Scanned);
    }

    [Fact]
    public async Task A_range_holding_more_than_the_budget_fails_before_reading()
    {
        var budget = new QueryBudget(1_000);
        var error = await Assert.ThrowsAsync<LogQlExecutionException>(async () =>
        {
            await foreach (var unused in new RecordScanner(_store, budget, Window).ScanAsync(null, Base, Base + (300 * Second), true, true, 100, Ct))
            {
            }
        });
        Assert.Equal(ExecutionProblem.TooMuchWork, error.Problem);
        Assert.Equal(0, budget.Scanned);
    }

    private static LogRecord Record(int i, long ts, string message) =>
        new($"r{i:D6}", ts, Severity.Info, message, "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());
}
