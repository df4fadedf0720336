using System.Net.Http.Headers;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Google.Protobuf;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>Delta sums and histograms accumulated into cumulative series, and exponential histograms, through the OTLP endpoint.</summary>
public sealed class OtlpDeltaAndExponentialTests
{
    private const ulong Second = 1_000_000_000;
    private const ulong T0 = 1_700_000_000 * Second;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delta_sums_become_running_totals_and_a_retry_is_not_counted_twice()
    {
        await using var factory = new ProtocolsFactory();
        ExportMetricsServiceResponse[] answers =
        [
            await PostAsync(factory, Sum(T0, T0 + Second, 3, monotonic: true)),
            await PostAsync(factory, Sum(T0 + Second, T0 + (2 * Second), 2, monotonic: true)),
            await PostAsync(factory, Sum(T0 + Second, T0 + (2 * Second), 2, monotonic: true)),
            await PostAsync(factory, Sum(T0 + (2 * Second), T0 + (3 * Second), 4, monotonic: true)),
            // A gap (the point covering 3 s to 4 s never came): the total starts again, which Prometheus reads as a reset.
            await PostAsync(factory, Sum(T0 + (4 * Second), T0 + (5 * Second), 1, monotonic: true)),
            await PostAsync(factory, Sum(T0 + Second, T0 + (6 * Second), 1, monotonic: false)),
        ];

        Assert.All(answers, a => Assert.Null(a.PartialSuccess));
        var totals = factory.Ingestor.Samples.Where(s => s.Name == "orders_total").ToList();
        Assert.Equal([3d, 5, 5, 9, 1], totals.Select(s => s.Value));
        Assert.All(totals, s => Assert.Equal(MetricType.Counter, s.Type));
        Assert.Equal(MetricType.Gauge, factory.Ingestor.Samples.Single(s => s.Name == "orders").Type);
    }

    [Fact]
    public async Task A_delta_point_out_of_order_is_rejected_through_partial_success()
    {
        await using var factory = new ProtocolsFactory();
        await PostAsync(factory, Sum(T0 + Second, T0 + (2 * Second), 3, monotonic: true));

        var answer = await PostAsync(factory, Sum(T0, T0 + Second, 1, monotonic: true));

        Assert.Equal(1, answer.PartialSuccess.RejectedDataPoints);
        Assert.Contains("out of order", answer.PartialSuccess.ErrorMessage);
    }

    [Fact]
    public async Task Delta_histograms_add_their_buckets_up()
    {
        await using var factory = new ProtocolsFactory();
        await PostAsync(factory, Histogram(T0, T0 + Second, [1, 2, 0], sum: 1.5));
        await PostAsync(factory, Histogram(T0 + Second, T0 + (2 * Second), [0, 1, 4], sum: 20));

        var last = factory.Ingestor.Samples.Where(s => s.TimestampMs == (long)((T0 + (2 * Second)) / 1_000_000)).ToList();
        var buckets = last.Where(s => s.Name == "latency_seconds_bucket").ToDictionary(s => s.Labels["le"]!, s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.1"] = 1, ["1"] = 4, ["+Inf"] = 8 }, buckets);
        Assert.Equal((21.5, 8d), (last.Single(s => s.Name == "latency_seconds_sum").Value, last.Single(s => s.Name == "latency_seconds_count").Value));
    }

    [Fact]
    public async Task Exponential_histograms_become_classic_buckets_and_delta_ones_add_up_across_scales()
    {
        await using var factory = new ProtocolsFactory();
        // Scale 1 (base √2): positive buckets 2 and 3 hold (2, 2√2] and (2√2, 4]. Then scale 0 (base 2): bucket 2 holds (4, 8].
        await PostAsync(factory, Exponential(T0, T0 + Second, scale: 1, offset: 2, [1, 1], zero: 1));
        await PostAsync(factory, Exponential(T0 + Second, T0 + (2 * Second), scale: 0, offset: 2, [3], zero: 0));

        var first = Buckets(factory, T0 + Second);
        Assert.Equal(new Dictionary<string, double> { ["0"] = 1, ["2"] = 1, ["2.8284271247461903"] = 2, ["4"] = 3, ["+Inf"] = 3 }, first);
        var second = Buckets(factory, T0 + (2 * Second));
        Assert.Equal(new Dictionary<string, double> { ["0"] = 1, ["2"] = 1, ["4"] = 3, ["8"] = 6, ["+Inf"] = 6 }, second);
    }

    [Theory]
    [InlineData(21, 0, 0d, false, "scale 21")]
    [InlineData(0, 0, -1d, false, "zero_threshold")]
    [InlineData(0, int.MaxValue, 0d, false, "32-bit")]
    [InlineData(0, 0, 0d, true, "add up to more than count")]
    public async Task A_bad_exponential_point_is_rejected_by_name(int scale, int offset, double zeroThreshold, bool countTooLow, string reason)
    {
        await using var factory = new ProtocolsFactory();
        var request = Exponential(T0, T0 + Second, scale, offset, [1, 1], zero: 0);
        var point = request.ResourceMetrics[0].ScopeMetrics[0].Metrics[0].ExponentialHistogram.DataPoints[0];
        point.ZeroThreshold = zeroThreshold;
        point.Count = countTooLow ? 1 : point.Count;

        var answer = await PostAsync(factory, request);

        Assert.Equal(1, answer.PartialSuccess.RejectedDataPoints);
        Assert.Contains(reason, answer.PartialSuccess.ErrorMessage);
        Assert.Empty(factory.Ingestor.Samples);
    }

    [Fact]
    public async Task More_buckets_than_the_limit_are_rejected()
    {
        await using var factory = new ProtocolsFactory();
        factory.With("Metrics:Protocols:Otlp:MaxExponentialBuckets", "4");

        var answer = await PostAsync(factory, Exponential(T0, T0 + Second, scale: 0, offset: 0, [1, 1, 1, 1, 1], zero: 0));

        Assert.Contains("limit of 4", answer.PartialSuccess.ErrorMessage);
    }

    private static Dictionary<string, double> Buckets(ProtocolsFactory factory, ulong timeNs) => factory.Ingestor.Samples
        .Where(s => s.Name == "sizes_bytes_bucket" && s.TimestampMs == (long)(timeNs / 1_000_000))
        .ToDictionary(s => s.Labels["le"]!, s => s.Value);

    private static ExportMetricsServiceRequest Sum(ulong start, ulong time, double value, bool monotonic)
    {
        var sum = new Sum { AggregationTemporality = AggregationTemporality.Delta, IsMonotonic = monotonic };
        sum.DataPoints.Add(new NumberDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, AsDouble = value });
        return Request(new Metric { Name = "orders", Sum = sum });
    }

    private static ExportMetricsServiceRequest Histogram(ulong start, ulong time, ulong[] counts, double sum)
    {
        var point = new HistogramDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, Count = counts.Aggregate(0UL, (a, b) => a + b), Sum = sum };
        point.ExplicitBounds.AddRange([0.1, 1]);
        point.BucketCounts.AddRange(counts);
        var histogram = new Histogram { AggregationTemporality = AggregationTemporality.Delta };
        histogram.DataPoints.Add(point);
        return Request(new Metric { Name = "latency", Unit = "s", Histogram = histogram });
    }

    private static ExportMetricsServiceRequest Exponential(ulong start, ulong time, int scale, int offset, ulong[] counts, ulong zero)
    {
        var point = new ExponentialHistogramDataPoint
        {
            StartTimeUnixNano = start,
            TimeUnixNano = time,
            Scale = scale,
            ZeroCount = zero,
            Count = zero + counts.Aggregate(0UL, (a, b) => a + b),
            Positive = new ExponentialHistogramDataPoint.Types.Buckets { Offset = offset },
        };
        point.Positive.BucketCounts.AddRange(counts);
        var histogram = new ExponentialHistogram { AggregationTemporality = AggregationTemporality.Delta };
        histogram.DataPoints.Add(point);
        return Request(new Metric { Name = "sizes", Unit = "By", ExponentialHistogram = histogram });
    }

    private static ExportMetricsServiceRequest Request(Metric metric)
    {
        var scope = new ScopeMetrics();
        scope.Metrics.Add(metric);
        var resource = new ResourceMetrics { Resource = new Resource() };
        resource.ScopeMetrics.Add(scope);
        var request = new ExportMetricsServiceRequest();
        request.ResourceMetrics.Add(resource);
        return request;
    }

    private static async Task<ExportMetricsServiceResponse> PostAsync(ProtocolsFactory factory, ExportMetricsServiceRequest request)
    {
        using var client = factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        var response = await client.PostAsync("/v1/metrics", content, Ct);
        response.EnsureSuccessStatusCode();
        return ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(Ct));
    }
}
