using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>
/// A store written in layout 1 (testdata/layout1, by the code before this layout) opens with every live record
/// readable in layout 2, and a migration cut short at any step is finished or redone at the next start.
/// </summary>
public sealed class PartitionMigrationTests : IDisposable
{
    private const string Day0 = "20260101T0000Z_1440m";
    private const string Day1 = "20260102T0000Z_1440m";
    private const long Hour = 3_600_000_000_000;
    private static readonly long D0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Storage", "Lucene", "testdata", "layout1");
    private static readonly LogQuery Both = new(null, D0, D0 + (48 * Hour), Limit: 100);

    // Newest first, ties on time by id (the two logins share a nanosecond).
    private static readonly string[] LiveIds =
    [
        "legacy-8", "AZt8AQfofX-_jHyVjVSUFQ", "legacy-9", "AZt3SIUAeV2cOR9KCDrCXA", "legacy-4",
        "AZt3EZ5QfqSg4GtUqXYBHw", "AZt3EZ5QeYOCptQD8AdY3Q", "AZt3EZpodDqVroLjFhGtIw",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-migration-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_layout_1_store_opens_with_every_live_record_searchable_in_layout_2()
    {
        CopyFixture(Day0, Day0);
        CopyFixture(Day1, Day1);

        using (var store = await OpenAsync())
        {
            var all = await store.SearchAsync(Both with { HistogramBuckets = 2 }, Ct);
            Assert.Equal(LiveIds, all.Hits.Select(h => h.Record.Id));
            Assert.Equal([6L, 2L], all.Histogram.Select(b => b.CountsByLevel.Values.Sum()));
            Assert.Null(await store.GetAsync("AZt22qvoc_uC4686ss88Vg", Ct)); // deleted by retention before the migration
            foreach (var id in LiveIds)
            {
                Assert.Equal(id, (await store.GetAsync(id, Ct))?.Id);
            }

            var connection = await store.GetAsync("AZt3EZpodDqVroLjFhGtIw", Ct);
            Assert.Equal(("42", "0af7651916cd43dd8448eb211c80319c", "p1"), (connection!.Fields["user_id"], connection.TraceId, connection.PatternId));
            Assert.Equal(["AZt3EZ5QfqSg4GtUqXYBHw", "AZt3EZ5QeYOCptQD8AdY3Q"], await IdsAsync(store, "message.keyword:\"user login succeeded\""));
            Assert.Equal(["legacy-8"], await IdsAsync(store, "message.keyword:\"User login succeeded\""));
            Assert.Equal(["AZt3SIUAeV2cOR9KCDrCXA"], await IdsAsync(store, "stack_trace:program"));
            Assert.Equal(["legacy-4", "AZt3EZpodDqVroLjFhGtIw"], await IdsAsync(store, "labels.host:h1 AND timestamp:[* TO \"2026-01-01T01:30:00Z\"]"));
            Assert.Equal(
                ["AZt3EZpodDqVroLjFhGtIw", "legacy-4", "AZt3SIUAeV2cOR9KCDrCXA", "legacy-9", "AZt8AQfofX-_jHyVjVSUFQ"],
                (await store.ContextAsync("legacy-9", 3, 1, Ct)).Select(r => r.Id));
            await store.AppendAsync([Record("after", D0 + (5 * Hour))], Ct);
        }

        Assert.Equal([Day0, Day1, "wal"], Directory.GetDirectories(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All([Day0, Day1], name => Assert.Equal(PartitionLayout.Current, LayoutOf(name)));
        using var reopened = await OpenAsync();
        Assert.Equal(LiveIds.Length + 1, (await reopened.SearchAsync(Both, Ct)).Total);
    }

    [Fact]
    public async Task A_reindex_cut_short_is_thrown_away_and_done_again()
    {
        CopyFixture(Day0, Day0);
        Directory.CreateDirectory(Path.Combine(_folder, Day0 + ".reindex"));
        File.WriteAllText(Path.Combine(_folder, Day0 + ".reindex", "_0.cfs"), "half written");

        using var store = await OpenAsync();

        Assert.Equal(6, (await store.SearchAsync(Both, Ct)).Total);
        Assert.Equal([Day0, "wal"], Directory.GetDirectories(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_swap_cut_short_after_the_old_index_was_retired_moves_the_new_one_in()
    {
        await MigratedDay0Async();
        Directory.Move(Path.Combine(_folder, Day0), Path.Combine(_folder, Day0 + ".reindex"));
        CopyFixture(Day0, Day0 + ".retired");
        AppendToFixtureCopy(Day0 + ".retired"); // were the old index used, this record would show

        using var store = await OpenAsync();

        Assert.Equal(6, (await store.SearchAsync(Both, Ct)).Total);
        Assert.Equal(PartitionLayout.Current, LayoutOf(Day0));
        Assert.Equal([Day0, "wal"], Directory.GetDirectories(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_retired_index_left_beside_its_replacement_is_deleted()
    {
        await MigratedDay0Async();
        CopyFixture(Day0, Day0 + ".retired");
        AppendToFixtureCopy(Day0 + ".retired");

        using var store = await OpenAsync();

        Assert.Equal(6, (await store.SearchAsync(Both, Ct)).Total);
        Assert.False(Directory.Exists(Path.Combine(_folder, Day0 + ".retired")));
    }

    [Fact]
    public async Task A_retired_index_with_no_replacement_moves_back_and_is_migrated()
    {
        CopyFixture(Day0, Day0 + ".retired");

        using var store = await OpenAsync();

        Assert.Equal(6, (await store.SearchAsync(Both, Ct)).Total);
        Assert.Equal(PartitionLayout.Current, LayoutOf(Day0));
    }

    [Fact]
    public async Task A_partition_of_a_newer_layout_is_refused_at_start()
    {
        await MigratedDay0Async();
        using (var directory = FSDirectory.Open(Path.Combine(_folder, Day0)))
        using (var writer = new IndexWriter(directory, LogPartition.WriterConfig(OpenMode.APPEND)))
        {
            writer.SetCommitData(new Dictionary<string, string> { [PartitionLayout.Key] = "99" });
            writer.Commit();
        }

        using var store = LuceneLogStoreTests.Open(_folder);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
        Assert.Contains("layout 99", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static LogRecord Record(string id, long timestampNs) =>
        new(id, timestampNs, Severity.Info, "written later", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    private static async Task<IReadOnlyList<string>> IdsAsync(LuceneLogStore store, string text) =>
        (await store.SearchAsync(Both with { Text = text }, Ct)).Hits.Select(h => h.Record.Id).ToList();

    private async Task<LuceneLogStore> OpenAsync()
    {
        var store = LuceneLogStoreTests.Open(_folder);
        await store.InitializeAsync(Ct);
        return store;
    }

    private async Task MigratedDay0Async()
    {
        CopyFixture(Day0, Day0);
        (await OpenAsync()).Dispose();
    }

    private void CopyFixture(string partition, string asName)
    {
        var target = Directory.CreateDirectory(Path.Combine(_folder, asName)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Fixture, partition)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>Adds a document to a copy of the layout 1 index, so a test can tell whether that index was the one read.</summary>
    private void AppendToFixtureCopy(string name)
    {
        using var directory = FSDirectory.Open(Path.Combine(_folder, name));
        using var writer = new IndexWriter(directory, LogPartition.WriterConfig(OpenMode.APPEND));
        var record = Record("only-in-the-old-index", D0 + (6 * Hour));
        writer.AddDocument(LogDocumentBuilder.ForThread.Build(record, LogRecordJson.Serialize(record)));
        writer.Commit();
    }

    private string? LayoutOf(string name)
    {
        using var directory = FSDirectory.Open(Path.Combine(_folder, name));
        return PartitionLayout.Of(directory);
    }
}
