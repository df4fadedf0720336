using AirisEpm.LogService.Anomalies;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Patterns.Shared;
using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.LogService.Extensions;

/// <summary>Parsing, the pattern miner, and the batching writer in front of the store that every ingest path uses.</summary>
internal static class IngestExtensions
{
    public static IHostApplicationBuilder AddLogIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LogIngestOptions>().BindConfiguration(LogIngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BatchingWriterOptions>().BindConfiguration("Logs:Ingest:Writer").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(_ => new RawLineParser());
        builder.Services.AddSingleton(sp => new PatternMiner(PatternMinerOptions.Default, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IBatchSink<LogRecord>, LogStoreSink>();
        builder.Services.AddSingleton<BatchingWriter<LogRecord>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BatchingWriter<LogRecord>>());
        builder.Services.AddOptions<LogAnomalyOptions>().BindConfiguration(LogAnomalyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LogAnomalyMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogAnomalyMonitor>());
        builder.Services.AddSingleton<ILogIngestor, LogIngestor>();
        builder.Services.AddOptions<SharedPatternOptions>().BindConfiguration(SharedPatternOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new PatternTally(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SharedPatternOptions>>().Value.ReplicaId is { Length: > 0 } id ? id : $"{Environment.MachineName}-{Environment.ProcessId}"));
        builder.Services.AddSingleton<DaprPatternShare>();
        if (builder.Configuration.GetValue<bool>(SharedPatternOptions.Section + ":Enabled"))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DaprPatternShare>());
        }

        return builder;
    }
}
