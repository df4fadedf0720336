using System.Net;
using System.Net.Http.Headers;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Protocols;

public sealed class RemoteWriteApiTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_snappy_write_request_is_ingested_and_answered_204()
    {
        await using var factory = new ProtocolsFactory();
        var body = new RemoteWriteBuilder()
            .Series([("__name__", "cpu_seconds_total"), ("cpu", "0"), ("city", "Zürich")], (12.5, 1_700_000_000_000), (double.NaN, 1_700_000_001_000))
            .Series([("__name__", "temperature"), ("room", "🚀")], (double.NegativeInfinity, 1_700_000_000_000))
            .ToSnappy();

        var response = await Post(factory, body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var samples = factory.Ingestor.Samples;
        Assert.Equal(3, samples.Count);
        Assert.Equal("Zürich", samples[0].Labels["city"]);
        Assert.True(double.IsNaN(samples[1].Value));
        Assert.Equal(double.NegativeInfinity, samples[2].Value);
        Assert.Equal("🚀", samples[2].Labels["room"]);
    }

    [Fact]
    public async Task Bad_snappy_answers_400_naming_snappy()
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, [0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02]);
        await AssertProblem(response, HttpStatusCode.BadRequest, "snappy");
    }

    [Fact]
    public async Task Truncated_protobuf_answers_400()
    {
        await using var factory = new ProtocolsFactory();
        var bytes = new RemoteWriteBuilder().Series([("__name__", "g"), ("job", "x")], (1, 1)).ToBytes();
        var response = await Post(factory, Snappier.Snappy.CompressToArray(bytes.AsSpan(0, bytes.Length - 5)));
        await AssertProblem(response, HttpStatusCode.BadRequest, "truncated");
    }

    [Fact]
    public async Task Missing_name_answers_400()
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, new RemoteWriteBuilder().Series([("job", "x")], (1, 1)).ToSnappy());
        await AssertProblem(response, HttpStatusCode.BadRequest, "__name__");
        Assert.Empty(factory.Ingestor.Samples);
    }

    [Fact]
    public async Task Invalid_metric_name_answers_400()
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, new RemoteWriteBuilder().Series([("__name__", "http.requests")], (1, 1)).ToSnappy());
        await AssertProblem(response, HttpStatusCode.BadRequest, "http.requests");
    }

    [Fact]
    public async Task More_than_30_labels_answers_400_naming_the_limit()
    {
        await using var factory = new ProtocolsFactory();
        (string, string)[] labels = [("__name__", "g"), .. Enumerable.Range(0, 31).Select(i => ($"label_{i}", "v"))];
        var response = await Post(factory, new RemoteWriteBuilder().Series(labels, (1, 1)).ToSnappy());
        await AssertProblem(response, HttpStatusCode.BadRequest, "limit of 30");
    }

    [Theory]
    [InlineData("application/json", "snappy")]
    [InlineData("application/x-protobuf", null)]
    [InlineData("application/x-protobuf", "gzip")]
    [InlineData("application/x-protobuf;proto=io.prometheus.write.v2.Request", "snappy")]
    public async Task Wrong_content_type_or_encoding_answers_415(string contentType, string? encoding)
    {
        await using var factory = new ProtocolsFactory();
        var response = await Post(factory, new RemoteWriteBuilder().Series([("__name__", "g")], (1, 1)).ToSnappy(), contentType, encoding);
        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, contentType.Contains("v2") ? "remote_write 1.0" : contentType == "application/json" ? "application/x-protobuf" : "snappy");
    }

    [Fact]
    public async Task Oversized_body_answers_413()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:MaxBodyBytes", "2048");
        var response = await Post(factory, new byte[4096]);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "2048");
    }

    [Fact]
    public async Task Oversized_after_decompression_answers_413()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:MaxDecompressedBytes", "4096");
        var body = Snappier.Snappy.CompressToArray(new byte[100_000]);
        var response = await Post(factory, body);
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "4096");
    }

    [Fact]
    public async Task A_body_larger_than_the_default_limit_of_1_MB_is_accepted_up_to_32_MB()
    {
        await using var factory = new ProtocolsFactory();
        var builder = new RemoteWriteBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            builder.Series([("__name__", "g"), ("series", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("pad", new string('p', 1_000))], (i, 1));
        }

        var body = builder.ToBytes();
        Assert.True(body.Length > 1024 * 1024);
        var response = await Post(factory, Snappier.Snappy.CompressToArray(body));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(2_000, factory.Ingestor.Samples.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Backpressure_answers_503_with_retry_after_which_prometheus_retries(int ingestorStatus)
    {
        // Prometheus 2.42 drops a batch answered 429 (unless the experimental retry_on_http_429 is set) and retries 5xx.
        await using var factory = new ProtocolsFactory();
        factory.Ingestor.FailWith = new BackpressureException("queue full", ingestorStatus, TimeSpan.FromSeconds(3));
        var response = await Post(factory, new RemoteWriteBuilder().Series([("__name__", "g")], (1, 1)).ToSnappy());
        await AssertProblem(response, HttpStatusCode.ServiceUnavailable, "queue full");
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Needs_the_metrics_write_permission()
    {
        await using var factory = new ProtocolsFactory();
        var anonymous = await Post(factory, [], token: null);
        var reader = await Post(factory, [], token: Permissions.MetricsRead);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
    }

    internal static async Task<HttpResponseMessage> Post(
        ProtocolsFactory factory, byte[] body, string contentType = "application/x-protobuf", string? encoding = "snappy", string? token = Permissions.MetricsWrite)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.WithToken(token);
        }

        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        content.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        return await client.PostAsync("/api/v1/write", content, Ct);
    }

    internal static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detailContains, text);
    }
}
