using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Storage;

/// <summary>The whole conformance suite again with partial rollup rows compacted before every write.</summary>
public sealed class DuckDbCompactingStoreTests : MetricStoreConformance
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-duckdb-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IMetricStore> CreateStoreAsync()
    {
        var options = Options.Create(new MetricStoreOptions { RollupCompactionRows = 1 });
        var store = new DuckDbMetricStore(options, Time, Path.Combine(_folder, "metrics.duckdb"));
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
