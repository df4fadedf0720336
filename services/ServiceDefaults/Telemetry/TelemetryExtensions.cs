using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AirisEpm.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Meter and ActivitySource names every AIRIS service reports under.</summary>
    public const string AirisInstrumentationPrefix = "AirisEpm.*";

    /// <summary>
    /// Request paths (prefixes, by segment) whose server spans are never recorded, from configuration: trace-service lists its
    /// ingest routes, so exporting its own traces to itself cannot feed a loop of spans about receiving spans.
    /// </summary>
    public const string UntracedPathsKey = "Telemetry:UntracedPaths";

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry: ASP.NET Core, HttpClient and runtime
    /// instrumentation, Prometheus text at /metrics, OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set, and traces alone to
    /// <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> (a full URL such as trace-service's <c>/v1/traces</c>) over OTLP HTTP/protobuf,
    /// with <c>OTEL_EXPORTER_OTLP_TRACES_HEADERS</c> (e.g. <c>Authorization=Bearer …</c>) when that alone is set.
    /// </summary>
    public static IHostApplicationBuilder AddAirisTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        PathString[] untraced = ["/healthz", "/metrics", .. builder.Configuration.GetSection(UntracedPathsKey).Get<string[]>() ?? []];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(AirisInstrumentationPrefix)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(AirisInstrumentationPrefix)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => IsTraced(context.Request.Path, untraced))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        else if (builder.Configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] is { Length: > 0 } tracesEndpoint)
        {
            var headers = builder.Configuration["OTEL_EXPORTER_OTLP_TRACES_HEADERS"];
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter(o =>
            {
                o.Endpoint = new Uri(tracesEndpoint);
                o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                if (!string.IsNullOrEmpty(headers)) o.Headers = headers;
            }));
        }

        return builder;
    }

    private static bool IsTraced(PathString path, PathString[] untraced)
    {
        foreach (var prefix in untraced)
        {
            if (path.StartsWithSegments(prefix)) return false;
        }

        return true;
    }
}
