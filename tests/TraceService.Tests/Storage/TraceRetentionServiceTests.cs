using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.DuckDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Storage;

public sealed class TraceRetentionServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-traces-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task One_pass_deletes_what_started_before_now_minus_the_retention()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = new DuckDbTraceStore(Path.Combine(_folder, "traces.duckdb"));
        await store.InitializeAsync(ct);
        await store.WriteAsync([Make(1, 1, startMs: 0), Make(2, 1, startMs: 60_000)], ct);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(At(30_000) / 1_000_000) + TimeSpan.FromHours(1));
        var service = new TraceRetentionService(store, Options.Create(new TraceStoreOptions { Retention = TimeSpan.FromHours(1) }), time, NullLogger<TraceRetentionService>.Instance);

        Assert.Equal(1, await service.EnforceAsync(ct));

        Assert.Empty(await store.GetTraceAsync(Trace(1), ct));
        Assert.Single(await store.GetTraceAsync(Trace(2), ct));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
