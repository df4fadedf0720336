using AirisEpm.MetricsService.Apis;
using AirisEpm.MetricsService.Prometheus;
using AirisEpm.MetricsService.Prometheus.Rules;
using AirisEpm.MetricsService.Prometheus.SideData;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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
        builder.Services.AddSingleton<ParsedQueries>();
        builder.Services.AddSingleton<IPrometheusSideStore>(sp =>
        {
            var store = sp.GetRequiredService<IOptions<MetricStoreOptions>>().Value;
            if (store.Kind == "clickhouse")
            {
                return new InMemorySideStore();
            }

            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = Path.IsPathRooted(store.DuckDbPath) ? store.DuckDbPath : Path.Combine(root, store.DuckDbPath);
            return new DuckDbSideStore(path, store, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<SideDataRecorder>();
        builder.Services.AddServiceTokenIssuer(AppIds.MetricsService);
        builder.Services.AddSingleton<IAlertServiceRules, AlertServiceRulesClient>();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, BasicAuthBearer.Install);
        return builder;
    }

    public static WebApplication MapPrometheusApi(this WebApplication app)
    {
        app.MapPrometheusQueryApi();
        app.MapPrometheusSeriesApi();
        app.MapPrometheusMetadataApi();
        app.MapPrometheusRulesApi();
        return app;
    }
}
