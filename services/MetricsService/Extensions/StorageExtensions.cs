using AirisEpm.MetricsService.Ingest;
using AirisEpm.ServiceDefaults.Health;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Storage.ClickHouse;
using AirisEpm.MetricsService.Storage.DuckDb;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The metric store chosen by <c>Metrics:Store:Kind</c>, its schema, retention and health.</summary>
internal static class StorageExtensions
{
    public static IHostApplicationBuilder AddMetricStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricStoreOptions>().BindConfiguration(MetricStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Every reader gets the store behind the ingest write-ahead log through ReadYourWritesStore (Ingest/).
        builder.Services.AddSingleton<IMetricStore>(sp => new ReadYourWritesStore(Create(sp), sp.GetRequiredService<PendingWrites>()));
        builder.Services.AddHostedService<MetricStoreInitializer>();
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        builder.Services.AddHealthChecks().AddStorePing<IMetricStore>("metric-store", (store, ct) => store.PingAsync(ct));
        return builder;
    }

    private static IMetricStore Create(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MetricStoreOptions>>();
        var time = sp.GetRequiredService<TimeProvider>();
        if (options.Value.Kind == "clickhouse")
        {
            return new ClickHouseMetricStore(options);
        }

        var path = options.Value.DuckDbPath;
        var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new DuckDbMetricStore(options, time, Path.IsPathRooted(path) ? path : Path.Combine(root, path));
    }
}
