using System.Diagnostics.Metrics;
using MetricType = AirisEpm.MetricsService.Domain.MetricType;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>The real OpenTelemetry .NET SDK OTLP exporter (http/protobuf) as the client, over a real Kestrel port.</summary>
public sealed class OtlpSdkExporterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Counter_gauge_and_histogram_arrive_with_prometheus_names_labels_and_buckets()
    {
        await using var factory = new ProtocolsFactory().OnKestrel();
        var meterName = "AirisEpm.Tests.Shop." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var orders = meter.CreateCounter<long>("shop.orders", unit: "{order}");
        var latency = meter.CreateHistogram<double>("shop.request.duration", unit: "s");
        meter.CreateObservableGauge("shop.queue.depth", () => new Measurement<int>(17, new KeyValuePair<string, object?>("queue", "émails")), unit: "{item}");

        using var provider = Exporter(factory, meterName, b => b.AddView("shop.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.1, 0.5, 1] }));

        orders.Add(3, new KeyValuePair<string, object?>("payment.method", "card"));
        orders.Add(2, new KeyValuePair<string, object?>("payment.method", "card"));
        latency.Record(0.05);
        latency.Record(0.3);
        latency.Record(0.7);
        latency.Record(4);
        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");

        var ingestor = factory.Ingestor;
        var counter = await ingestor.WaitForAsync(s => s.Name == "shop_orders_total", Timeout, "counter");
        Assert.Equal((5d, MetricType.Counter), (counter.Value, counter.Type));
        Assert.Equal("card", counter.Labels["payment_method"]);
        Assert.Equal("{instance=\"pod-7\", job=\"shop/checkout\", payment_method=\"card\"}", counter.Labels.ToString());

        // The SDK's own resource attributes (telemetry.sdk.*) label target_info alone, never a series id.
        Assert.All(ingestor.Samples.Where(s => s.Name != "target_info"), s => Assert.DoesNotContain(s.Labels.Labels, l => l.Name.StartsWith("telemetry_", StringComparison.Ordinal)));
        var info = Assert.Single(ingestor.Samples, s => s.Name == "target_info");
        Assert.Equal(("dotnet", "opentelemetry", "shop/checkout", "pod-7", 1d),
            (info.Labels["telemetry_sdk_language"], info.Labels["telemetry_sdk_name"], info.Labels["job"], info.Labels["instance"], info.Value));
        Assert.StartsWith("1.", info.Labels["telemetry_sdk_version"]);

        var gauge = await ingestor.WaitForAsync(s => s.Name == "shop_queue_depth", Timeout, "gauge");
        Assert.Equal((17d, MetricType.Gauge, "émails"), (gauge.Value, gauge.Type, gauge.Labels["queue"]));

        await ingestor.WaitForAsync(s => s.Name == "shop_request_duration_seconds_count", Timeout, "histogram");
        var buckets = ingestor.Samples.Where(s => s.Name == "shop_request_duration_seconds_bucket")
            .ToDictionary(s => s.Labels["le"]!, s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.1"] = 1, ["0.5"] = 2, ["1"] = 3, ["+Inf"] = 4 }, buckets);
        Assert.Equal(5.05, ingestor.Samples.Single(s => s.Name == "shop_request_duration_seconds_sum").Value, 9);
        Assert.Equal(4, ingestor.Samples.Single(s => s.Name == "shop_request_duration_seconds_count").Value);
    }

    [Fact]
    public async Task A_promoted_resource_attribute_labels_every_series_the_sdk_exports()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:Otlp:PromoteResourceAttributes:0", "deployment.environment");
        factory.OnKestrel();
        var meterName = "AirisEpm.Tests.Promote." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var orders = meter.CreateCounter<long>("shop.orders");
        using var provider = Exporter(factory, meterName, resource: r => r.AddAttributes([new("deployment.environment", "staging"), new("host.name", "h1")]));

        orders.Add(1);
        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");

        var counter = await factory.Ingestor.WaitForAsync(s => s.Name == "shop_orders_total", Timeout, "counter");
        Assert.Equal("{deployment_environment=\"staging\", instance=\"pod-7\", job=\"shop/checkout\"}", counter.Labels.ToString());
        var info = Assert.Single(factory.Ingestor.Samples, s => s.Name == "target_info");
        Assert.Equal(("staging", "h1"), (info.Labels["deployment_environment"], info.Labels["host_name"]));
    }

    /// <summary>
    /// The SDK's meter provider exporting http/protobuf to the factory (a minute's interval: tests flush), as service
    /// <c>shop/checkout</c>, instance <c>pod-7</c>.
    /// </summary>
    internal static MeterProvider Exporter(
        ProtocolsFactory factory,
        string meterName,
        Func<MeterProviderBuilder, MeterProviderBuilder>? views = null,
        Action<ResourceBuilder>? resource = null,
        MetricReaderTemporalityPreference temporality = MetricReaderTemporalityPreference.Cumulative)
    {
        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r =>
            {
                r.AddService("checkout", serviceNamespace: "shop", serviceInstanceId: "pod-7");
                resource?.Invoke(r);
            })
            .AddMeter(meterName);
        return (views?.Invoke(builder) ?? builder)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = new Uri(factory.BaseAddress, "/v1/metrics");
                exporter.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.MetricsWrite);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000;
                reader.TemporalityPreference = temporality;
            })
            .Build();
    }
}
