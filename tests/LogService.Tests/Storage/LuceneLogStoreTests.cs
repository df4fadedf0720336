using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.Storage;

public sealed class LuceneLogStoreTests : LogStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-lucene-" + Guid.NewGuid().ToString("N"));

    internal static LuceneLogStore Open(string folder, LogStoreOptions? options = null) => new(Options.Create(options ?? new LogStoreOptions()), folder);

    protected override async Task<ILogStore> CreateStoreAsync()
    {
        var store = Open(_folder);
        await store.InitializeAsync(Ct);
        return store;
    }

    protected override async Task<ILogStore> ReopenAsync(ILogStore store)
    {
        ((IDisposable)store).Dispose();
        return await CreateStoreAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Each_utc_day_is_its_own_index_folder()
    {
        await AppendAsync(Record("a", Base + 1, "x"), Record("b", Base + Day + 1, "y"), Record("c", Base + (2 * Day) + 1, "z"));
        Assert.Equal(3, (await Store.SearchAsync(All(), Ct)).Total); // indexed behind the WAL: a read has them indexed now

        var day = DateTimeOffset.UnixEpoch.AddTicks(Base / 100);
        var expected = Enumerable.Range(0, 3).Select(d => day.AddDays(d).ToString("yyyyMMdd'T'HHmm'Z'_1440'm'", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, Directory.GetDirectories(_folder).Select(Path.GetFileName).Where(n => n != "wal").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_commit_empties_the_write_ahead_log()
    {
        await AppendCorpusAsync();
        var wal = Path.Combine(_folder, "wal");
        Assert.True(Directory.GetFiles(wal).Sum(f => new FileInfo(f).Length) > 0);

        await ((LuceneLogStore)Store).CommitAsync();

        Assert.Equal(0, Directory.GetFiles(wal).Sum(f => new FileInfo(f).Length));
        Assert.Equal(6, (await Store.SearchAsync(All(), Ct)).Total);
    }

    [Fact]
    public async Task Hour_partitions_page_and_retain_like_day_partitions()
    {
        using var store = Open(Path.Combine(_folder, "hourly"), new LogStoreOptions { PartitionWidth = TimeSpan.FromHours(1) });
        await store.InitializeAsync(Ct);
        await store.AppendAsync(Enumerable.Range(0, 48).Select(i => Record($"h{i:D2}", Base + (i * Hour / 2), "tick")).ToList(), Ct);

        var first = await store.SearchAsync(All("tick", 30), Ct);
        var second = await store.SearchAsync(All("tick", 30) with { After = first.Next }, Ct);
        Assert.Equal(Enumerable.Range(0, 48).Reverse().Select(i => $"h{i:D2}"), first.Hits.Concat(second.Hits).Select(h => h.Record.Id));
        Assert.Equal(24, Directory.GetDirectories(Path.Combine(_folder, "hourly")).Length - 1);

        Assert.Equal(20, await store.DeleteBeforeAsync(Base + (10 * Hour), Ct));
        Assert.Equal(14, Directory.GetDirectories(Path.Combine(_folder, "hourly")).Length - 1);
    }
}
