using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using AirisEpm.ServiceDefaults.WriteAhead;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Ingest;

/// <summary>
/// The ingest write-ahead log on its own, with a real DuckDB store: what was appended and never applied comes back at
/// the next open (a "crash" here is a process that disposed nothing), series defined in an earlier frame or only
/// in the store resolve, a torn tail costs only the torn frame, and sealed segments go once all their batches are stored.
/// </summary>
public sealed class MetricWalTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-metric-wal-" + Guid.NewGuid().ToString("N"));

    private string Log => Path.Combine(_folder, "wal");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private DuckDbMetricStore Store() => new(Options.Create(new MetricStoreOptions()), TimeProvider.System, Path.Combine(_folder, "m.duckdb"));

    private MetricWal Wal(long segmentBytes = 16 << 20) =>
        new(Log, Options.Create(new WalOptions { SegmentBytes = segmentBytes }), NullLogger<MetricWal>.Instance);

    private static MetricSample Sample(string instance, long ts, double value) => new("up", LabelSet.From([new Label("instance", instance)]), ts, value);

    private static async Task<IReadOnlyList<long>> TimestampsAsync(IMetricStore store, string instance)
    {
        var series = (await store.FindSeriesAsync(SeriesSelector.ForName("up"), Ct)).Single(s => s.Labels["instance"] == instance);
        return (await store.PointsAsync(StorageTier.Raw, [series.Id], 0, long.MaxValue, Ct)).Single().Timestamps;
    }

    [Fact]
    public async Task Appended_batches_that_never_reached_the_store_are_replayed_at_the_next_open()
    {
        using (var store = Store())
        {
            await store.InitializeAsync(Ct);
            var wal = Wal();
            await wal.OpenAsync(store, Ct);
            await wal.AppendAsync([Sample("a", 1_000, 1), Sample("b", 1_000, 2)]);
            await wal.AppendAsync([Sample("a", 2_000, 3)]); // series a is defined in the first frame only
            // No CloseAsync, nothing applied: as after a kill -9.
        }

        using var reopened = Store();
        await reopened.InitializeAsync(Ct);
        using var again = Wal();
        Assert.Equal(3, await again.OpenAsync(reopened, Ct));

        Assert.Equal([1_000L, 2_000], await TimestampsAsync(reopened, "a"));
        Assert.Equal([1_000L], await TimestampsAsync(reopened, "b"));
        Assert.Single(WriteAheadLog.Existing(Log)); // the replayed segment is gone; a fresh one is open
    }

    [Fact]
    public async Task A_frame_of_a_series_known_only_to_the_store_resolves_from_the_store()
    {
        using (var store = Store())
        {
            await store.InitializeAsync(Ct);
            await store.WriteAsync([Sample("a", 1_000, 1)], Ct);
            var wal = Wal();
            await wal.OpenAsync(store, Ct);
            await wal.AppendAsync([Sample("a", 2_000, 5)]);
        }

        using var reopened = Store();
        await reopened.InitializeAsync(Ct);
        using var again = Wal();
        Assert.Equal(1, await again.OpenAsync(reopened, Ct));
        Assert.Equal([1_000L, 2_000], await TimestampsAsync(reopened, "a"));
    }

    [Fact]
    public async Task A_torn_last_frame_loses_only_itself()
    {
        using (var store = Store())
        {
            await store.InitializeAsync(Ct);
            var wal = Wal();
            await wal.OpenAsync(store, Ct);
            await wal.AppendAsync([Sample("a", 1_000, 1)]);
            await wal.AppendAsync([Sample("a", 2_000, 2)]);
        }

        var segment = WriteAheadLog.Existing(Log)[^1].Path;
        using (var file = new FileStream(segment, FileMode.Open))
        {
            WalFrame.ReadAll(file, out var frames, out _);
            file.SetLength(frames - 3); // past the frames the file holds preallocated zeros
        }

        using var reopened = Store();
        await reopened.InitializeAsync(Ct);
        using var again = Wal();
        Assert.Equal(1, await again.OpenAsync(reopened, Ct));
        Assert.Equal([1_000L], await TimestampsAsync(reopened, "a"));
    }

    [Fact]
    public async Task Sealed_segments_are_deleted_once_every_batch_in_them_is_stored_and_not_before()
    {
        using var store = Store();
        await store.InitializeAsync(Ct);
        using var wal = Wal(segmentBytes: 64 * 1024);
        await wal.OpenAsync(store, Ct);
        var batch = Enumerable.Range(0, 2_000).Select(i => Sample("s" + i, 1_000, i)).ToList();

        var first = await wal.AppendAsync(batch); // ~110 KB with definitions: past the segment size, so it rotates
        await Task.Delay(200, Ct);
        Assert.True(File.Exists(first.Path), "the segment holds a batch not stored yet");

        first.Complete(); // the applier stored it
        await WaitUntilAsync(() => !File.Exists(first.Path));

        var second = await wal.AppendAsync([Sample("s1", 2_000, 1)]);
        second.Complete();
        await wal.CloseAsync(TimeSpan.FromSeconds(5));
        Assert.False(File.Exists(second.Path));
    }

    [Fact]
    public async Task Close_keeps_a_segment_whose_batch_never_reached_the_store()
    {
        using var store = Store();
        await store.InitializeAsync(Ct);
        using var wal = Wal();
        await wal.OpenAsync(store, Ct);
        var pending = await wal.AppendAsync([Sample("a", 1_000, 1)]);

        await wal.CloseAsync(TimeSpan.FromMilliseconds(100));

        Assert.True(File.Exists(pending.Path));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !condition(); await Task.Delay(20, Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
        }
    }
}
