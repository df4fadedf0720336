using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>An append is acknowledged once in the WAL and indexed behind; reads wait for what was acknowledged before them.</summary>
public sealed class LuceneApplyBehindTests : IDisposable
{
    private static readonly long Base = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-apply-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Nothing is indexed unless a read or a commit asks.</summary>
    private static LogStoreOptions HeldOff => new()
    {
        ApplyInterval = TimeSpan.FromHours(1), ApplyBatchRecords = 1_000_000, ApplyCapacityRecords = 1_000_000, CommitInterval = TimeSpan.FromHours(1),
    };

    private static LogRecord Record(string id, long offset) =>
        new(id, Base + offset, Severity.Info, $"behind {id}", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    [Fact]
    public async Task An_acknowledged_append_waits_to_be_indexed_and_the_next_read_sees_it()
    {
        using var store = LuceneLogStoreTests.Open(_folder, HeldOff);
        await store.InitializeAsync(Ct);
        await store.AppendAsync([Record("a", 1), Record("b", 2)], Ct);
        await store.AppendAsync([Record("c", 3)], Ct);
        Assert.Equal(3, store.PendingRecords);

        var result = await store.SearchAsync(new LogQuery("behind", Base, Base + 10), Ct);

        Assert.Equal(["c", "b", "a"], result.Hits.Select(h => h.Record.Id));
        Assert.Equal(0, store.PendingRecords);
        Assert.Equal("a", (await store.GetAsync("a", Ct))?.Id);
    }

    [Fact]
    public async Task Disposing_indexes_and_commits_what_is_queued_and_empties_the_log()
    {
        using (var store = LuceneLogStoreTests.Open(_folder, HeldOff))
        {
            await store.InitializeAsync(Ct);
            await store.AppendAsync([Record("a", 1), Record("b", 2)], Ct);
        }

        Assert.All(WriteAheadLog.Existing(Path.Combine(_folder, "wal")), s => Assert.Equal(0, new FileInfo(s.Path).Length));
        using var reopened = LuceneLogStoreTests.Open(_folder, HeldOff);
        await reopened.InitializeAsync(Ct);
        Assert.Equal(2, (await reopened.SearchAsync(new LogQuery(null, Base, Base + 10), Ct)).Total);
    }

    [Fact]
    public async Task A_read_that_waits_past_its_bound_is_refused_with_503()
    {
        using var release = new ManualResetEventSlim();
        var options = new LogStoreOptions { ApplyInterval = TimeSpan.FromHours(1), ReadWaitTimeout = TimeSpan.FromMilliseconds(200) };
        using var queue = new LogApplyQueue(options, (_, _) => release.Wait(TestContext.Current.CancellationToken));
        queue.Start();
        var segment = new WalSegment(1, Path.Combine(Directory.CreateDirectory(_folder).FullName, "1.wal"));
        segment.TryEnqueue([1], out _);
        queue.Add([Record("a", 1)], [[1]], segment);

        var refused = await Assert.ThrowsAsync<BackpressureException>(() => queue.WaitAppliedAsync(Ct));

        Assert.Equal(503, refused.StatusCode);
        release.Set();
        await queue.WaitAppliedAsync(Ct);
        Assert.Equal(0, queue.PendingRecords);
        segment.Dispose();
    }

    [Fact]
    public async Task A_failed_apply_is_retried_by_id_and_nothing_is_lost_or_doubled()
    {
        var calls = new List<bool>();
        using var queue = new LogApplyQueue(new LogStoreOptions { ApplyInterval = TimeSpan.FromMilliseconds(10) }, (_, retry) =>
        {
            calls.Add(retry);
            if (calls.Count == 1) throw new IOException("disk full");
        });
        queue.Start();
        var segment = new WalSegment(1, Path.Combine(Directory.CreateDirectory(_folder).FullName, "1.wal"));
        segment.TryEnqueue([1], out _);
        queue.Add([Record("a", 1)], [[1]], segment);

        await queue.WaitAppliedAsync(Ct);

        Assert.Equal([false, true], calls);
        Assert.True(segment.SealAsync().IsCompleted, "the append's segment is completed once it is indexed");
        segment.Dispose();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
