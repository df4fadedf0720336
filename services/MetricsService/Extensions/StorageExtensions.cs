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
        builder.Services.AddSingleton<IMetricStore>(sp =>
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
        });
        builder.Services.AddHostedService<MetricStoreInitializer>();
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        builder.Services.AddHealthChecks().AddStorePing<IMetricStore>("metric-store", (store, ct) => store.PingAsync(ct));
        return builder;
    }
}
