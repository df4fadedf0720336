using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.PromQl.Engine;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Extensions;

/// <summary>The PromQL engine over the store and Prometheus's HTTP API (section <c>Metrics:PromQl</c> for the engine's limits).</summary>
internal static class PrometheusApiExtensions
{
    public const string EngineSection = "Metrics:PromQl";

    public static IHostApplicationBuilder AddPrometheusApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineOptions>().BindConfiguration(EngineSection)
            .Validate(o => o.Validate().Count == 0, $"{EngineSection}: the PromQL engine options are invalid (see EngineOptions.Validate).")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new PromQlEngine(sp.GetRequiredService<IOptions<EngineOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<PromQueryRunner>();
        return builder;
    }

    public static WebApplication MapPrometheusApi(this WebApplication app)
    {
        app.MapPrometheusQueryApi();
        app.MapPrometheusSeriesApi();
        return app;
    }
}
