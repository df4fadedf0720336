using System.Buffers;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>What InitializeAsync finds in a WAL left behind by a crash.</summary>
public sealed class LuceneReplayTests : IDisposable
{
    private static readonly long Base = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-replay-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LogRecord Record(string id, long offset) =>
        new(id, Base + offset, Severity.Info, $"replayed {id}", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    private void WriteSegment(long number, byte[] tail, params LogRecord[][] batches)
    {
        var folder = Path.Combine(_folder, "wal");
        Directory.CreateDirectory(folder);
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var batch in batches)
        {
            WalFrame.Write(buffer, LogRecordJson.SerializeBatch(batch));
        }

        File.WriteAllBytes(Path.Combine(folder, $"{number:D20}.wal"), [.. buffer.WrittenSpan, .. tail]);
    }

    [Fact]
    public async Task Intact_frames_are_replayed_and_a_torn_tail_is_ignored()
    {
        WriteSegment(5, [], [Record("a", 1), Record("b", 2)]);
        WriteSegment(6, [0x40, 0, 0, 0, 1, 2, 3], [Record("c", 3)], [Record("d", 4)]);

        using (var store = LuceneLogStoreTests.Open(_folder))
        {
            await store.InitializeAsync(Ct);
            var result = await store.SearchAsync(new LogQuery("replayed", Base, Base + 10), Ct);
            Assert.Equal(["d", "c", "b", "a"], result.Hits.Select(h => h.Record.Id));
            Assert.Equal([7L], WriteAheadLog.Existing(Path.Combine(_folder, "wal")).Select(s => s.Number));
        }

        using var reopened = LuceneLogStoreTests.Open(_folder);
        await reopened.InitializeAsync(Ct);
        Assert.Equal(4, (await reopened.SearchAsync(new LogQuery(null, Base, Base + 10), Ct)).Total);
    }

    [Fact]
    public async Task Replaying_records_the_last_commit_already_holds_adds_no_duplicates()
    {
        using (var store = LuceneLogStoreTests.Open(_folder))
        {
            await store.InitializeAsync(Ct);
            await store.AppendAsync([Record("a", 1), Record("b", 2)], Ct);
        }

        // As if the process died after a commit but before that commit deleted its WAL segment.
        WriteSegment(1, [], [Record("a", 1), Record("b", 2)], [Record("c", 3)]);

        using var reopened = LuceneLogStoreTests.Open(_folder);
        await reopened.InitializeAsync(Ct);
        var result = await reopened.SearchAsync(new LogQuery(null, Base, Base + 10), Ct);
        Assert.Equal(["c", "b", "a"], result.Hits.Select(h => h.Record.Id));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
