using System.Diagnostics.Metrics;
using MetricType = AirisEpm.MetricsService.Domain.MetricType;
using AirisEpm.MetricsService.Sla;
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

    [Fact]
    public async Task Delta_temporality_from_the_sdk_is_stored_as_running_totals()
    {
        await using var factory = new ProtocolsFactory().OnKestrel();
        var meterName = "AirisEpm.Tests.Delta." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var orders = meter.CreateCounter<long>("shop.orders");
        var latency = meter.CreateHistogram<double>("shop.request.duration", unit: "s");
        using var provider = Exporter(factory, meterName, b => b.AddView("shop.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = [0.1, 1] }),
            temporality: MetricReaderTemporalityPreference.Delta);

        orders.Add(3);
        latency.Record(0.05);
        latency.Record(0.5);
        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");
        await factory.Ingestor.WaitForAsync(s => s.Name == "shop_orders_total", Timeout, "first export");
        orders.Add(4);
        latency.Record(2);
        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");

        var total = await factory.Ingestor.WaitForAsync(s => s.Name == "shop_orders_total" && s.Value != 3, Timeout, "second export");
        Assert.Equal((7d, MetricType.Counter), (total.Value, total.Type));
        var last = factory.Ingestor.Samples.Where(s => s.Name.StartsWith("shop_request_duration_seconds", StringComparison.Ordinal))
            .GroupBy(s => s.TimestampMs).MaxBy(g => g.Key)!.ToList();
        Assert.Equal(new Dictionary<string, double> { ["0.1"] = 1, ["1"] = 2, ["+Inf"] = 3 },
            last.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToDictionary(s => s.Labels["le"]!, s => s.Value));
        Assert.Equal(2.55, last.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value, 9);
    }

    /// <summary>
    /// The SDK's Base2ExponentialBucketHistogram over 1,000 latencies spread log-uniformly from 1 ms to 10 s: the classic
    /// buckets it becomes answer histogram_quantile within the histogram's relative error (base − 1, base read off the bounds).
    /// With delta temporality the two exports, of different ranges, add up first.
    /// </summary>
    [Theory]
    [InlineData(MetricReaderTemporalityPreference.Cumulative)]
    [InlineData(MetricReaderTemporalityPreference.Delta)]
    public async Task Exponential_histograms_answer_histogram_quantile_within_their_relative_error(MetricReaderTemporalityPreference temporality)
    {
        await using var factory = new ProtocolsFactory().OnKestrel();
        var meterName = "AirisEpm.Tests.Expo." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var latency = meter.CreateHistogram<double>("shop.request.duration", unit: "s");
        using var provider = Exporter(factory, meterName, b => b.AddView("shop.request.duration", new Base2ExponentialBucketHistogramConfiguration()),
            temporality: temporality);
        var random = new Random(13);
        var values = Enumerable.Range(0, 1000).Select(i => Math.Pow(10, -3 + (random.NextDouble() * (i < 500 ? 1 : 4)))).ToArray();

        foreach (var value in values.Take(500))
        {
            latency.Record(value);
        }

        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");
        await factory.Ingestor.WaitForAsync(s => s.Name == "shop_request_duration_seconds_count", Timeout, "first export");
        foreach (var value in values.Skip(500))
        {
            latency.Record(value);
        }

        Assert.True(provider.ForceFlush(10_000), "the exporter failed to export (see the test output)");
        await factory.Ingestor.WaitForAsync(s => s.Name == "shop_request_duration_seconds_count" && s.Value == 1000, Timeout, "second export");

        var last = factory.Ingestor.Samples.Where(s => s.Name == "shop_request_duration_seconds_bucket").GroupBy(s => s.TimestampMs).MaxBy(g => g.Key)!;
        var buckets = last.ToDictionary(s => s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"]!, System.Globalization.CultureInfo.InvariantCulture), s => s.Value);
        Assert.Equal(1000, buckets[double.PositiveInfinity]);
        var bounds = buckets.Keys.Where(double.IsFinite).Order().ToArray();
        Assert.True(bounds.Length > 10, $"{bounds.Length} buckets");
        var relativeError = (bounds[^1] / bounds[^2]) - 1;
        var sorted = values.Order().ToArray();
        foreach (var q in new[] { 0.5, 0.9, 0.99 })
        {
            var truth = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
            var estimate = HistogramQuantile.Compute(q, buckets)!.Value;
            Assert.True(Math.Abs(estimate - truth) <= relativeError * truth * 1.000001, $"q={q}: {estimate} for {truth}, error bound {relativeError:P2}");
        }
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
