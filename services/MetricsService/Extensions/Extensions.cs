using System.Text.Json.Serialization;
using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.MetricsService.Memory;
using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Sla;
using AirisEpm.MetricsService.Thresholds;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The composition root of metrics-service.</summary>
internal static class Extensions
{
    public static IHostApplicationBuilder AddMetricsServiceServices(this IHostApplicationBuilder builder)
    {
        builder.AddMetricStore();
        builder.AddMetricIngest();
        builder.Services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RangeQueryExecutor>();
        builder.Services.AddValidatorsOf<MetricsBatchValidator>();
        // JSON has no NaN or infinity literals: query results write them as "NaN", "Infinity", "-Infinity".
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, MetricsJsonContext.Default);
        });
        builder.AddMetricsProtocols();
        builder.AddPrometheusApi();
        builder.Services.AddThresholdTriggers();
        builder.Services.AddOptions<SlaTargets>().BindConfiguration(SlaTargets.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SlaDataSource>();
        builder.Services.AddOptions<HeapTrimOptions>().BindConfiguration(HeapTrimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<HeapTrimmer>();
        return builder;
    }

    public static WebApplication MapMetricsServiceApi(this WebApplication app)
    {
        app.MapMetricsIngestApi(app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxBodyBytes);
        app.MapMetricsQueryApi();
        app.MapMetricsProtocols();
        app.MapPrometheusApi();
        app.MapThresholdRulesApi();
        app.MapSlaApi();
        return app;
    }
}
