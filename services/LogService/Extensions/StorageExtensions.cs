using System.Diagnostics.Metrics;
using AirisEpm.ServiceDefaults.Health;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Elasticsearch;
using AirisEpm.LogService.Storage.Lucene;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Extensions;

/// <summary>The log store chosen by <c>Logs:Store:Kind</c>, its start-up, retention and health.</summary>
internal static class StorageExtensions
{
    public static IHostApplicationBuilder AddLogStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogStoreOptions>().BindConfiguration(LogStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ILogStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LogStoreOptions>>();
            if (options.Value.Kind == "elasticsearch")
            {
                return new ElasticsearchLogStore(options, sp.GetRequiredService<TimeProvider>());
            }

            var path = options.Value.DataPath;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var store = new LuceneLogStore(
                options, Path.IsPathRooted(path) ? path : Path.Combine(root, path), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LuceneLogStore>>());
            LogStoreMetrics.Observe(sp.GetRequiredService<IMeterFactory>(), store);
            return store;
        });
        builder.Services.AddHostedService<LogStoreInitializer>();
        builder.Services.AddSingleton<LogRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogRetentionService>());
        builder.Services.AddHealthChecks().AddStorePing<ILogStore>("log-store", (store, ct) => store.PingAsync(ct));
        return builder;
    }
}
