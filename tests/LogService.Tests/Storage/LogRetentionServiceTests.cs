using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.LogService.Tests.Storage;

public sealed class LogRetentionServiceTests : IDisposable
{
    private const long Day = 86_400_000_000_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-log-retention-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Records_past_the_retention_go_as_the_clock_advances()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Options.Create(new LogStoreOptions { Retention = TimeSpan.FromDays(3) });
        using var store = new LuceneLogStore(options, _folder, time);
        await store.InitializeAsync(ct);
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        LogRecord At(string id, long ts) => new(id, ts, Severity.Info, "kept for a while", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());
        await store.AppendAsync([At("old", now - (5 * Day)), At("mid", now - (2 * Day)), At("new", now)], ct);
        var retention = new LogRetentionService(store, options, time, NullLogger<LogRetentionService>.Instance);

        async Task<IEnumerable<string>> IdsAsync() =>
            (await store.SearchAsync(new LogQuery(null, now - (10 * Day), now + Day), ct)).Hits.Select(h => h.Record.Id);

        Assert.Equal(1, await retention.EnforceAsync(ct));
        Assert.Equal(["new", "mid"], await IdsAsync());

        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await retention.EnforceAsync(ct));
        Assert.Equal(["new"], await IdsAsync());
        Assert.Equal(2, Directory.GetDirectories(_folder).Length); // the current day's partition and wal/
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
