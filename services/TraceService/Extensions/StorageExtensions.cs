using AirisEpm.ServiceDefaults.Health;
using AirisEpm.TraceService.Storage;
using AirisEpm.TraceService.Storage.ClickHouse;
using AirisEpm.TraceService.Storage.DuckDb;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Extensions;

/// <summary>The trace store chosen by <c>Traces:Store:Provider</c>, its schema, retention and health.</summary>
internal static class StorageExtensions
{
    public static IHostApplicationBuilder AddTraceStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TraceStoreOptions>().BindConfiguration(TraceStoreOptions.Section).ValidateDataAnnotations()
            .Validate(o => Valid(o.DuckDb), $"{TraceStoreOptions.Section}:DuckDb has a value out of range.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ITraceStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TraceStoreOptions>>();
            return options.Value.Provider == "ClickHouse"
                ? new ClickHouseTraceStore(options)
                : new DuckDbTraceStore(options.Value.DuckDbPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath), options.Value.DuckDb,
                    sp.GetRequiredService<ILogger<DuckDbTraceStore>>());
        });
        builder.Services.AddHostedService<TraceStoreInitializer>();
        builder.Services.AddSingleton<TraceRetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TraceRetentionService>());
        builder.Services.AddHealthChecks().AddStorePing<ITraceStore>("trace-store", (store, ct) => store.PingAsync(ct));
        return builder;
    }

    private static bool Valid(DuckDbWriteOptions options) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), null, validateAllProperties: true);
}
