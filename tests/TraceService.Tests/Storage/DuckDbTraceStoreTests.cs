using AirisEpm.TraceService.Storage;
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
    /// The files as a crash would leave them: copied while the store is still open, so nothing was checkpointed
    /// or closed. Opening the copy replays the write-ahead log and finds every acknowledged span.
    /// </summary>
    [Fact]
    public async Task An_acknowledged_write_is_in_the_files_before_any_checkpoint_or_close()
    {
        await Store.WriteAsync([Make(1, 1), Make(1, 2, 1, startMs: 1)], Ct);
        var crashed = Path.Combine(_folder, "crashed", "traces.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(crashed)!);
        Assert.True(File.Exists(DbPath + ".wal"), "the write should still be in the WAL, not checkpointed");
        File.Copy(DbPath, crashed);
        File.Copy(DbPath + ".wal", crashed + ".wal");

        using var recovered = new DuckDbTraceStore(crashed);
        await recovered.InitializeAsync(Ct);
        Assert.Equal([Id(1), Id(2)], (await recovered.GetTraceAsync(Trace(1), Ct)).Select(s => s.SpanId));
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
