using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.ServiceDefaults.Batching;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The batching writer in front of the store and the ingestor every protocol uses.</summary>
internal static class IngestExtensions
{
    public static IHostApplicationBuilder AddMetricIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<BatchingWriterOptions>().BindConfiguration("Metrics:Ingest:Writer").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IBatchSink<MetricSample>, StoreBatchSink>();
        builder.Services.AddSingleton<BatchingWriter<MetricSample>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BatchingWriter<MetricSample>>());
        builder.Services.AddSingleton<IMetricIngestor, MetricIngestor>();
        return builder;
    }
}
