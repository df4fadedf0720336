using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.SpanMetrics;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Extensions;

/// <summary>
/// Span metrics: the aggregator counts every durable ingest batch, the service graph's metrics every call the live dependency
/// graph pairs, the publisher writes the series to metrics-service through
/// Dapr service invocation with tokens trace-service signs itself (so it is a token issuer and reads <c>auth-signing-key</c>).
/// </summary>
internal static class SpanMetricsExtensions
{
    public static IHostApplicationBuilder AddSpanMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpanMetricsOptions>().BindConfiguration(SpanMetricsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.WriteTimeout < o.FlushInterval, $"{SpanMetricsOptions.Section}:WriteTimeout must be less than FlushInterval.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SpanMetricsAggregator>();
        builder.Services.AddSingleton<ISpanBatchObserver>(sp => sp.GetRequiredService<SpanMetricsAggregator>());
        builder.Services.AddSingleton<ServiceGraphMetrics>();
        builder.Services.AddServiceTokenIssuer(AppIds.TraceService);
        builder.Services.AddKeyedSingleton(AppIds.MetricsService, (sp, _) => new ServiceCaller(
            AppIds.MetricsService, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceTokenIssuer>(),
            sp.GetRequiredService<IOptions<SpanMetricsOptions>>().Value.WriteTimeout, maxConcurrent: 1));
        builder.Services.AddHostedService<SpanMetricsPublisher>();
        return builder;
    }
}
