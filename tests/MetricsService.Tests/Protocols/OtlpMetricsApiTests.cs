using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AirisEpm.MetricsService.Domain;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Google.Protobuf;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;

namespace AirisEpm.MetricsService.Tests.Protocols;

public sealed class OtlpMetricsApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // OTLP JSON as the spec maps it: lowerCamelCase, 64-bit integers as strings, enums as integers, hex ids.
    private const string JsonRequest = """
    {"resourceMetrics":[{
      "resource":{"attributes":[
        {"key":"service.name","value":{"stringValue":"checkout"}},
        {"key":"service.namespace","value":{"stringValue":"shop"}},
        {"key":"service.instance.id","value":{"stringValue":"pod-1"}},
        {"key":"deployment.environment","value":{"stringValue":"prod"}}]},
      "scopeMetrics":[{"scope":{"name":"demo"},"metrics":[
        {"name":"queue.depth","unit":"{item}","gauge":{"dataPoints":[
          {"attributes":[{"key":"queue","value":{"stringValue":"émails"}}],"timeUnixNano":"1700000000000000000","asInt":"42"}]}},
        {"name":"orders.placed","unit":"{order}","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[
          {"timeUnixNano":"1700000000000000000","asDouble":7,
           "exemplars":[{"timeUnixNano":"1700000000000000000","asDouble":1,"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}},
        {"name":"http.server.request.duration","unit":"s","histogram":{"aggregationTemporality":2,"dataPoints":[
          {"attributes":[{"key":"http.route","value":{"stringValue":"/api"}}],"timeUnixNano":"1700000000000000000",
           "count":"6","sum":1.75,"bucketCounts":["1","2","3"],"explicitBounds":[0.1,0.5]}]}},
        {"name":"rpc.latency","unit":"ms","summary":{"dataPoints":[
          {"timeUnixNano":"1700000000000000000","count":"10","sum":55,"quantileValues":[{"quantile":0.5,"value":4},{"quantile":0.99,"value":12}]}]}},
        {"name":"cpu.load","unit":"1","gauge":{"dataPoints":[{"timeUnixNano":"1700000000000000000","asDouble":"NaN"},{"timeUnixNano":"1700000000000000000","asDouble":"Infinity"}]}},
        {"name":"sizes","unit":"By","exponentialHistogram":{"aggregationTemporality":2,"dataPoints":[
          {"timeUnixNano":"1700000000000000000","count":"1","scale":0,"positive":{"offset":0,"bucketCounts":["1"]}}]}}
      ]}]}]}
    """;

    [Fact]
    public async Task Json_export_converts_every_kind()
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, Encoding.UTF8.GetBytes(JsonRequest), "application/json");

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        Assert.False(json.RootElement.TryGetProperty("partialSuccess", out _), text);

        var samples = factory.Ingestor.Samples;
        var gauge = samples.Single(s => s.Name == "queue_depth");
        Assert.Equal((42d, 1_700_000_000_000L, MetricType.Gauge), (gauge.Value, gauge.TimestampMs, gauge.Type));
        Assert.Equal("{instance=\"pod-1\", job=\"shop/checkout\", queue=\"émails\"}", gauge.Labels.ToString());
        var info = samples.Single(s => s.Name == "target_info");
        Assert.Equal((1d, 1_700_000_000_000L, MetricType.Gauge), (info.Value, info.TimestampMs, info.Type));
        Assert.Equal("{deployment_environment=\"prod\", instance=\"pod-1\", job=\"shop/checkout\"}", info.Labels.ToString());

        var counter = samples.Single(s => s.Name == "orders_placed_total");
        Assert.Equal((7d, MetricType.Counter), (counter.Value, counter.Type));

        var buckets = samples.Where(s => s.Name == "http_server_request_duration_seconds_bucket")
            .ToDictionary(s => s.Labels["le"]!, s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.1"] = 1, ["0.5"] = 3, ["+Inf"] = 6 }, buckets);
        Assert.Equal(1.75, samples.Single(s => s.Name == "http_server_request_duration_seconds_sum").Value);
        Assert.Equal(6, samples.Single(s => s.Name == "http_server_request_duration_seconds_count").Value);
        Assert.All(samples.Where(s => s.Name.StartsWith("http_server", StringComparison.Ordinal)), s =>
        {
            Assert.Equal("/api", s.Labels["http_route"]);
            Assert.Equal(MetricType.Histogram, s.Type);
        });

        Assert.Equal(4, samples.Single(s => s.Name == "rpc_latency_milliseconds" && s.Labels["quantile"] == "0.5").Value);
        Assert.Equal(12, samples.Single(s => s.Name == "rpc_latency_milliseconds" && s.Labels["quantile"] == "0.99").Value);
        Assert.Equal(55, samples.Single(s => s.Name == "rpc_latency_milliseconds_sum").Value);
        Assert.Equal(10, samples.Single(s => s.Name == "rpc_latency_milliseconds_count").Value);

        var sizes = samples.Where(s => s.Name == "sizes_bytes_bucket").ToDictionary(s => s.Labels["le"]!, s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["1"] = 0, ["2"] = 1, ["+Inf"] = 1 }, sizes);
        Assert.Equal(1, samples.Single(s => s.Name == "sizes_bytes_count").Value);

        var load = samples.Where(s => s.Name == "cpu_load_ratio").Select(s => s.Value).ToArray();
        Assert.True(double.IsNaN(load[0]));
        Assert.Equal(double.PositiveInfinity, load[1]);
    }

    [Fact]
    public async Task A_point_with_no_recorded_value_is_a_stale_marker_on_each_of_its_series()
    {
        await using var factory = new ProtocolsFactory();
        const string Stale = """
            {"resourceMetrics":[{"scopeMetrics":[{"metrics":[
              {"name":"queue.depth","gauge":{"dataPoints":[{"timeUnixNano":"1700000000000000000","flags":1}]}},
              {"name":"orders","sum":{"aggregationTemporality":2,"isMonotonic":true,"dataPoints":[{"timeUnixNano":"1700000000000000000","asInt":"3","flags":1}]}},
              {"name":"latency","unit":"s","histogram":{"aggregationTemporality":2,"dataPoints":[
                {"timeUnixNano":"1700000000000000000","flags":1,"explicitBounds":[0.1]}]}},
              {"name":"rpc","summary":{"dataPoints":[{"timeUnixNano":"1700000000000000000","flags":1,"quantileValues":[{"quantile":0.5}]}]}}
            ]}]}]}
            """;

        var response = await Post(factory, Encoding.UTF8.GetBytes(Stale), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("partialSuccess", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var samples = factory.Ingestor.Samples;
        Assert.Equal(
            ["latency_seconds_bucket{le=\"+Inf\"}", "latency_seconds_bucket{le=\"0.1\"}", "latency_seconds_count{}", "latency_seconds_sum{}",
             "orders_total{}", "queue_depth{}", "rpc_count{}", "rpc_sum{}", "rpc{quantile=\"0.5\"}"],
            samples.Select(s => s.Name + s.Labels).Order(StringComparer.Ordinal));
        Assert.All(samples, s => Assert.Equal(StaleMarker.Bits, BitConverter.DoubleToUInt64Bits(s.Value)));
    }

    [Fact]
    public async Task Promoted_resource_attributes_label_every_series_of_their_resource()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:Otlp:PromoteResourceAttributes:0", "deployment.environment");

        var response = await Post(factory, Encoding.UTF8.GetBytes(JsonRequest), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var samples = factory.Ingestor.Samples;
        Assert.All(samples, s => Assert.Equal("prod", s.Labels["deployment_environment"]));
        Assert.Equal("{deployment_environment=\"prod\", instance=\"pod-1\", job=\"shop/checkout\", queue=\"émails\"}",
            samples.Single(s => s.Name == "queue_depth").Labels.ToString());
        Assert.Single(samples, s => s.Name == "target_info");
    }

    [Fact]
    public async Task A_bad_promoted_attribute_stops_the_service_from_starting()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:Otlp:PromoteResourceAttributes:0", "service.instance.id");

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("PromoteResourceAttributes:0", error.Message);
    }

    [Fact]
    public async Task A_resource_with_only_service_attributes_has_no_target_info()
    {
        await using var factory = new ProtocolsFactory();
        var request = Request("g", "", 1);
        request.ResourceMetrics[0].Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "api" } });

        await Post(factory, request.ToByteArray(), "application/x-protobuf");

        Assert.Equal("{job=\"api\"}", Assert.Single(factory.Ingestor.Samples).Labels.ToString());
    }

    [Fact]
    public async Task Protobuf_export_is_answered_in_protobuf()
    {
        await using var factory = new ProtocolsFactory();
        var request = Request("temperature", "Cel", 21.5, ("room", "東京"));

        var response = await Post(factory, request.ToByteArray(), "application/x-protobuf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Null(answer.PartialSuccess);
        var sample = factory.Ingestor.Samples.Single();
        Assert.Equal(("temperature_celsius", 21.5, "東京"), (sample.Name, sample.Value, sample.Labels["room"]));
    }

    [Fact]
    public async Task Gzip_bodies_are_accepted()
    {
        await using var factory = new ProtocolsFactory();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            Request("g", "", 1).WriteTo(gzip);
        }

        var response = await Post(factory, compressed.ToArray(), "application/x-protobuf", "gzip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.Ingestor.Samples);
    }

    [Fact]
    public async Task A_point_with_more_than_30_labels_is_rejected_through_partial_success()
    {
        await using var factory = new ProtocolsFactory();
        var attributes = Enumerable.Range(0, 31).Select(i => ($"attr.{i}", "v")).ToArray();
        var request = Request("wide", "", 1, attributes);
        request.ResourceMetrics[0].ScopeMetrics[0].Metrics.Add(Request("narrow", "", 2).ResourceMetrics[0].ScopeMetrics[0].Metrics[0]);

        var response = await Post(factory, request.ToByteArray(), "application/x-protobuf");

        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, answer.PartialSuccess.RejectedDataPoints);
        Assert.Contains("limit of 30", answer.PartialSuccess.ErrorMessage);
        Assert.Equal("narrow", factory.Ingestor.Samples.Single().Name);
    }

    [Theory]
    [InlineData("application/x-protobuf", new byte[] { 0x0a, 0x05, 0x0a, 0x03 })]
    [InlineData("application/x-protobuf", new byte[] { 0xff, 0xff, 0xff })]
    [InlineData("application/json", new byte[] { (byte)'{', (byte)'"', (byte)'r' })]
    [InlineData("application/json", new byte[] { (byte)'[', (byte)'1', (byte)']' })]
    public async Task Malformed_bodies_answer_400(string contentType, byte[] body)
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, body, contentType);
        await RemoteWriteApiTests.AssertProblem(response, HttpStatusCode.BadRequest, "OTLP");
    }

    [Fact]
    public async Task Wrong_content_type_answers_415()
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, "a"u8.ToArray(), "text/plain");
        await RemoteWriteApiTests.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "application/x-protobuf");
    }

    [Fact]
    public async Task Oversized_body_answers_413()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:MaxBodyBytes", "2048");
        var response = await Post(factory, new byte[4096], "application/x-protobuf");
        await RemoteWriteApiTests.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "2048");
    }

    internal static ExportMetricsServiceRequest Request(string name, string unit, double value, params (string Key, string Value)[] attributes)
    {
        var point = new NumberDataPoint { AsDouble = value, TimeUnixNano = 1_700_000_000_000_000_000 };
        point.Attributes.AddRange(attributes.Select(a => new KeyValue { Key = a.Key, Value = new AnyValue { StringValue = a.Value } }));
        var metric = new Metric { Name = name, Unit = unit, Gauge = new Gauge() };
        metric.Gauge.DataPoints.Add(point);
        var scope = new ScopeMetrics();
        scope.Metrics.Add(metric);
        var resource = new ResourceMetrics { Resource = new Resource() };
        resource.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resource);
        return request;
    }

    private static async Task<HttpResponseMessage> Post(ProtocolsFactory factory, byte[] body, string contentType, string? encoding = null)
    {
        var client = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        return await client.PostAsync("/v1/metrics", content, Ct);
    }
}
