using AirisEpm.ServiceDefaults.Health;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.LiveGraph;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.Dependencies;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Extensions;

/// <summary>
/// The live dependency graph: its store (beside the span store, same provider), the observer fed by every durable
/// batch, the pairing across replicas when configured, the ticker that closes buckets and publishes anomalies, and retention. Registered before the ingest
/// pipeline so that at shutdown the batching writer's last flush reaches the graph before the ticker stores it
/// (hosted services stop in reverse order).
/// </summary>
internal static class GraphExtensions
{
    public static IHostApplicationBuilder AddDependencyGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DependencyGraphOptions>().BindConfiguration(DependencyGraphOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.MinBaselineBuckets <= o.BaselineBuckets, $"{DependencyGraphOptions.Section}:MinBaselineBuckets must not exceed BaselineBuckets.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IDependencyStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TraceStoreOptions>>();
            if (options.Value.Provider == "ClickHouse")
                return new ClickHouseDependencyStore(options);
            var spans = options.Value.DuckDbPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new DuckDbDependencyStore(Path.Combine(Path.GetDirectoryName(spans)!, "dependencies.duckdb"), options.Value.DuckDb.AllocatorSettings());
        });
        builder.Services.AddHostedService<DependencyStoreInitializer>();
        if (builder.Configuration.GetValue($"{DependencyGraphOptions.Section}:{nameof(DependencyGraphOptions.SharedPairing)}", false))
        {
            builder.Services.AddSingleton<ISharedPairStore, DaprSharedPairStore>();
            builder.Services.AddSingleton<SharedPairing>();
        }

        builder.Services.AddSingleton<LiveDependencyGraph>();
        if (builder.Configuration.GetValue($"{DependencyGraphOptions.Section}:{nameof(DependencyGraphOptions.Enabled)}", true))
            builder.Services.AddSingleton<ISpanBatchObserver>(sp => sp.GetRequiredService<LiveDependencyGraph>());
        builder.Services.AddSingleton<DependencyGraphTicker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DependencyGraphTicker>());
        builder.Services.AddHostedService<DependencyRetentionService>();
        builder.Services.AddHealthChecks().AddStorePing<IDependencyStore>("dependency-store", (store, ct) => store.PingAsync(ct));
        return builder;
    }
}
