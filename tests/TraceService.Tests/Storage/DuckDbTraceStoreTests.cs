using AirisEpm.TraceService.Storage;
using Microsoft.Extensions.Logging;
using AirisEpm.TraceService.Storage.DuckDb;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Storage;

public sealed class DuckDbTraceStoreTests : TraceStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-traces-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_folder, "nested", "traces.duckdb");

    protected override async Task<ITraceStore> CreateStoreAsync()
    {
        var store = new DuckDbTraceStore(DbPath);
        await store.InitializeAsync(Ct);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Schema_survives_a_reopen_and_keeps_the_data()
    {
        await Store.WriteAsync([Make(1, 1)], Ct);
        ((IDisposable)Store).Dispose();

        using var reopened = new DuckDbTraceStore(DbPath);
        await reopened.InitializeAsync(Ct);
        await reopened.WriteAsync([Make(1, 2, 1, startMs: 1)], Ct);
        Assert.Equal([Id(1), Id(2)], (await reopened.GetTraceAsync(Trace(1), Ct)).Select(s => s.SpanId));
    }

    /// <summary>
    /// The files as a crash would leave them: copied while the store is still open and before the write was applied
    /// to DuckDB (a long apply interval), so the spans are only in the store's write-ahead log. Opening the copy
    /// replays the log and finds every acknowledged span.
    /// </summary>
    [Fact]
    public async Task An_acknowledged_write_is_in_the_write_ahead_log_before_it_reaches_duckdb()
    {
        var slow = Path.Combine(_folder, "slow", "traces.duckdb");
        using (var store = new DuckDbTraceStore(slow, new DuckDbWriteOptions { ApplyInterval = TimeSpan.FromMinutes(1) }))
        {
            await store.InitializeAsync(Ct);
            await store.WriteAsync([Make(1, 1), Make(1, 2, 1, startMs: 1)], Ct);
            Assert.Equal(2, store.PendingSpans);
            var crashed = Path.Combine(_folder, "crashed", "traces.duckdb");
            CopyFiles(Path.GetDirectoryName(slow)!, Path.GetDirectoryName(crashed)!);

            using var recovered = new DuckDbTraceStore(crashed);
            await recovered.InitializeAsync(Ct);
            Assert.Equal([Id(1), Id(2)], (await recovered.GetTraceAsync(Trace(1), Ct)).Select(s => s.SpanId));
            Assert.Equal(0, recovered.PendingSpans);
        }
    }

    [Fact]
    public async Task A_read_right_after_a_write_finds_it_although_the_apply_interval_is_long()
    {
        using var store = new DuckDbTraceStore(Path.Combine(_folder, "later", "traces.duckdb"), new DuckDbWriteOptions { ApplyInterval = TimeSpan.FromMinutes(1) });
        await store.InitializeAsync(Ct);
        await store.WriteAsync([Make(7, 1)], Ct);
        Assert.Single(await store.GetTraceAsync(Trace(7), Ct));
        Assert.Equal(0, store.PendingSpans);
    }

    [Fact]
    public async Task A_trace_written_in_several_applies_is_found_whole()
    {
        using var store = new DuckDbTraceStore(Path.Combine(_folder, "batches", "traces.duckdb"), new DuckDbWriteOptions { ApplyBatchSpans = 3 });
        await store.InitializeAsync(Ct);
        for (var i = 1; i <= 10; i++)
        {
            // Each write also carries spans of other traces, so the trace's rows are spread over many sorted batches.
            await store.WriteAsync([Make(100 + i, 1, startMs: i), Make(1, i, i == 1 ? null : 1, startMs: i), Make(200 + i, 1, startMs: i)], Ct);
        }

        var trace = await store.GetTraceAsync(Trace(1), Ct);
        Assert.Equal(Enumerable.Range(1, 10).Select(Id), trace.Select(s => s.SpanId));
        Assert.Equal(10, Assert.Single(await store.SearchAsync(new TraceQuery(At(0), At(100), Service: Make(1, 1).Service, Limit: 1), Ct)).SpanCount);
    }

    /// <summary>
    /// The applier reads each logged frame back from the log's file. A frame whose bytes changed on the disk since it was
    /// acknowledged is reported and left out, as the replay at start does, and the others of its batch are applied.
    /// </summary>
    [Fact]
    public async Task A_logged_frame_changed_on_disk_is_reported_and_the_rest_of_its_batch_applied()
    {
        var path = Path.Combine(_folder, "changed", "traces.duckdb");
        var logs = new AirisEpm.TestSupport.CapturedLogs();
        using var store = new DuckDbTraceStore(path, new DuckDbWriteOptions { ApplyInterval = TimeSpan.FromMinutes(1) }, new LoggerFactory([logs]).CreateLogger<DuckDbTraceStore>());
        await store.InitializeAsync(Ct);
        await store.WriteAsync([Make(1, 1)], Ct);
        await store.WriteAsync([Make(2, 1)], Ct);
        await store.WriteAsync([Make(3, 1)], Ct);
        Assert.Equal(3, store.PendingSpans);

        // The second frame's last byte: the frames are one per write, in order, in the one segment file.
        var segment = Assert.Single(Directory.GetFiles(Path.ChangeExtension(path, ".wal"), "*.wal"));
        var frames = ReadFrameEnds(segment);
        using (var file = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            file.Position = frames[1] - 1;
            var last = file.ReadByte();
            file.Position = frames[1] - 1;
            file.WriteByte((byte)(last ^ 0x01));
        }

        Assert.Empty(await store.GetTraceAsync(Trace(2), Ct));
        Assert.Single(await store.GetTraceAsync(Trace(1), Ct));
        Assert.Single(await store.GetTraceAsync(Trace(3), Ct));
        Assert.Equal(0, store.PendingSpans);
        Assert.True(logs.Contain("is not a trace write-ahead log frame; skipped"), string.Join('\n', logs.Lines));
    }

    /// <summary>Where each frame of a segment file ends (its header's length plus the payload's).</summary>
    private static List<long> ReadFrameEnds(string segment)
    {
        var bytes = File.ReadAllBytes(segment);
        var ends = new List<long>();
        for (long at = 0; at + 4 <= bytes.Length && BitConverter.ToUInt32(bytes, (int)at) is var length and > 0;) // then preallocated zeros
        {
            at += AirisEpm.ServiceDefaults.WriteAhead.WalFrame.HeaderSize + length;
            ends.Add(at);
        }

        return ends;
    }

    private static void CopyFiles(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var copy = File.Create(target);
            source.CopyTo(copy);
        }
    }

    [Fact]
    public async Task Reads_run_while_writes_commit()
    {
        var writes = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await Store.WriteAsync([Make(i, 1, startMs: i)], Ct);
            }
        }, Ct);
        while (!writes.IsCompleted)
        {
            var found = await Store.SearchAsync(new TraceQuery(At(0), At(100), Limit: 100), Ct);
            Assert.All(found, s => Assert.Equal(1, s.SpanCount));
        }

        await writes;
        Assert.Equal(50, (await Store.SearchAsync(new TraceQuery(At(0), At(100), Limit: 100), Ct)).Count);
    }
}
