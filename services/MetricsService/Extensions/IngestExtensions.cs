using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Ingest.Wal;
using AirisEpm.MetricsService.Storage;
using AirisEpm.ServiceDefaults.Batching;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The write-ahead log, the batching writer that applies it to the store, and the ingestor every protocol uses.</summary>
internal static class IngestExtensions
{
    public static IHostApplicationBuilder AddMetricIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WalOptions>().BindConfiguration(WalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BatchingWriterOptions>()
            .Configure(ApplierDefaults)
            .BindConfiguration("Metrics:Ingest:Writer").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new MetricWal(WalFolder(sp), sp.GetRequiredService<IOptions<WalOptions>>(), sp.GetRequiredService<ILogger<MetricWal>>()));
        services.AddSingleton<PendingWrites>();
        services.AddSingleton<IBatchSink<MetricSample>, StoreBatchSink>();
        services.AddSingleton<BatchingWriter<MetricSample>>();
        // Started after the store's initialiser and before the writer; so stopped after the writer's last flush.
        services.AddHostedService<MetricWalService>();
        services.AddHostedService(sp => sp.GetRequiredService<BatchingWriter<MetricSample>>());
        services.AddSingleton<IMetricIngestor, MetricIngestor>();
        return builder;
    }

    /// <summary>
    /// The batching writer here applies batches that are already durable in the log, so it is tuned for the store,
    /// not for answer latency: batches of up to 250,000 samples, one DuckDB transaction each (past a row group of
    /// 122,880 rows DuckDB writes the appended rows straight to the file instead of into its own log; per sample
    /// such a batch costs a sixteenth of a 2,000-sample one: bench/README-protocols.md, <c>stages</c>), flushed at
    /// least every second when not full (each flush is a DuckDB transaction whatever its size, so a trickle of small
    /// requests is not applied sample by sample; a reader waiting for samples wakes the writer at once), and
    /// 750,000 samples (one batch being written, one filling, some slack: about 60 MB) queued before ingest is pushed back.
    /// </summary>
    private static void ApplierDefaults(BatchingWriterOptions options)
    {
        options.MaxBatchSize = 250_000;
        options.Capacity = 750_000;
        options.FlushInterval = TimeSpan.FromSeconds(1);
    }

    private static string WalFolder(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<WalOptions>>().Value.Path;
        var store = services.GetRequiredService<IOptions<MetricStoreOptions>>().Value;
        var path = !string.IsNullOrEmpty(configured) ? configured
            : store.Kind == "duckdb" ? Path.ChangeExtension(store.DuckDbPath, ".wal")
            : "data/metrics.wal";
        var root = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.IsPathRooted(path) ? path : Path.Combine(root, path);
    }
}
