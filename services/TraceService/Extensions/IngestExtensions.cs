using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Ingest;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Extensions;

/// <summary>The span ingest limits and the group-commit batching writer in front of the trace store.</summary>
internal static class IngestExtensions
{
    public const string WriterSection = TraceIngestOptions.Section + ":Writer";

    public static IHostApplicationBuilder AddTraceIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BatchingWriterOptions>()
            // Group commit by default: a request of one span is written at once, not after the flush interval,
            // and the requests that arrive meanwhile share the next write (one span per request from many clients).
            .Configure(o => o.FlushWhenIdle = true)
            .BindConfiguration(WriterSection).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TraceIngestOptions>().BindConfiguration(TraceIngestOptions.Section).ValidateDataAnnotations()
            // A request the writer can never take would be refused 429 for ever.
            .Validate<IOptions<BatchingWriterOptions>>((ingest, writer) => ingest.MaxSpansPerRequest <= writer.Value.Capacity,
                $"{TraceIngestOptions.Section}:MaxSpansPerRequest must not exceed {WriterSection}:Capacity.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBatchSink<Span>, TraceStoreSink>();
        builder.Services.AddSingleton<BatchingWriter<Span>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BatchingWriter<Span>>());
        builder.Services.AddSingleton<ITraceIngestor, TraceIngestor>();
        return builder;
    }
}
