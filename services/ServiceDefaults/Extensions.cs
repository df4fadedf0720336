using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Errors;
using AirisEpm.ServiceDefaults.Health;
using AirisEpm.ServiceDefaults.Http;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace AirisEpm.ServiceDefaults;

/// <summary>What every AIRIS service gets, composed by extension methods (no base class).</summary>
public static class Extensions
{
    public const string LivenessPath = "/healthz";
    public const string HealthPath = "/health";
    public const string MetricsPath = "/metrics";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string appId)
    {
        builder.AddAirisTelemetry(appId);
        builder.AddAirisAuthentication(appId);
        builder.Services.AddAirisProblemDetails();
        builder.Services.AddAirisHttp(builder.Configuration);
        builder.Services.AddAirisDapr();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", tags: ["dapr"]);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(45));
        return builder;
    }

    /// <summary>The middleware pipeline, in the order that makes limits and errors work.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseAirisProblemDetails();
        app.UseAirisHttp();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAirisRequestLimits();
        app.UseAirisDaprPubSub();
        return app;
    }

    /// <summary>
    /// /healthz (liveness, what Dapr app health checks call), /health (detailed JSON), /metrics
    /// (Prometheus text), the OpenAPI document, and the Scalar reference UI in Development.
    /// /health shows internals (errors, store names), so it needs the service's read permission.
    /// Keep <paramref name="mapLiveness"/> true with actors too: MapActorsHandlers' own /healthz runs
    /// every check (so it fails without a sidecar) and has route order 100, so this one wins.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, string healthPermission, bool mapLiveness = true)
    {
        if (mapLiveness)
        {
            app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        }

        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .RequireAuthorization(healthPermission)
            .DisableRateLimiting();
        app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting();
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}
