using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using CsCheck;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>Several threads index one apply batch, each a contiguous slice of it.</summary>
public sealed class IndexingBatchTests : IDisposable
{
    private static readonly long Base = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-indexing-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0, 2, 1_000, 1)]
    [InlineData(999, 2, 1_000, 1)]
    [InlineData(2_000, 2, 1_000, 2)]
    [InlineData(20_000, 2, 1_000, 2)]
    [InlineData(20_000, 1, 1_000, 1)]
    [InlineData(5_000, 8, 1_000, 5)]
    public void Threads_are_capped_by_the_setting_and_by_the_records_each_is_worth(int records, int max, int minPerThread, int expected) =>
        Assert.Equal(expected, IndexingBatch.Threads(records, max, minPerThread));

    [Fact]
    public void The_slices_cover_every_record_once_in_order() =>
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[1, 64]).Sample((count, slices) =>
        {
            var next = 0;
            for (var slice = 0; slice < slices; slice++)
            {
                var (start, end) = IndexingBatch.Slice(count, slices, slice);
                if (start != next || end < start) return false;
                next = end;
            }

            return next == count;
        });

    [Fact]
    public async Task Records_indexed_from_several_threads_are_all_found_once()
    {
        var options = new LogStoreOptions { IndexingThreads = 4, MinRecordsPerIndexingThread = 10 };
        using var store = LuceneLogStoreTests.Open(_folder, options);
        await store.InitializeAsync(Ct);
        var batch = Enumerable.Range(0, 500)
            .Select(i => new LogRecord($"r{i:D3}", Base + i, Severity.Info, $"threaded line {i}", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>()))
            .ToList();
        await store.AppendAsync(batch[..250], Ct);
        await store.AppendAsync(batch[250..], Ct);

        var result = await store.SearchAsync(new LogQuery("threaded", Base, Base + 1_000, Limit: 1_000), Ct);

        Assert.Equal(500, result.Total);
        Assert.Equal(batch.Select(r => r.Id).Reverse(), result.Hits.Select(h => h.Record.Id));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
