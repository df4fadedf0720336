using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.SpanMetrics;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Tests.SpanMetrics;

public sealed class SpanMetricsAggregatorTests
{
    [Fact]
    public void Counts_calls_and_fills_cumulative_buckets_with_the_collectors_names_and_labels()
    {
        var aggregator = new SpanMetricsAggregator(Options.Create(new SpanMetricsOptions { BucketBoundsMs = [10, 100] }));
        aggregator.Record([Span("GET /cart", 5), Span("GET /cart", 10), Span("GET /cart", 50), Span("GET /cart", 500)]);

        var points = aggregator.Snapshot(1_000, "replica-1");

        var calls = Assert.Single(points, p => p.Name == SpanMetricsAggregator.CallsName);
        Assert.Equal(4, calls.Value);
        Assert.Equal(1_000, calls.TimestampMs);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["service_name"] = "cart", ["span_name"] = "GET /cart", ["span_kind"] = "SPAN_KIND_SERVER",
                ["status_code"] = "STATUS_CODE_UNSET", ["instance"] = "replica-1",
            },
            calls.Labels);
        var buckets = points.Where(p => p.Name == "traces_span_metrics_duration_seconds_bucket").ToDictionary(p => p.Labels["le"], p => p.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.01"] = 2, ["0.1"] = 3, ["+Inf"] = 4 }, buckets); // a bound is inclusive, as Prometheus's le
        Assert.Equal(0.565, points.Single(p => p.Name == "traces_span_metrics_duration_seconds_sum").Value, 9);
        Assert.Equal(4, points.Single(p => p.Name == "traces_span_metrics_duration_seconds_count").Value);
    }

    [Fact]
    public void Errors_are_their_own_series_and_values_keep_growing_across_snapshots()
    {
        var aggregator = new SpanMetricsAggregator(Options.Create(new SpanMetricsOptions()));
        aggregator.Record([Span("pay", 1), Span("pay", 1) with { Status = SpanStatus.Error }]);
        aggregator.Snapshot(1, "a");
        aggregator.Record([Span("pay", 1) with { Status = SpanStatus.Error }]);

        var calls = aggregator.Snapshot(2, "a").Where(p => p.Name == SpanMetricsAggregator.CallsName).ToDictionary(p => p.Labels["status_code"], p => p.Value);

        Assert.Equal(new Dictionary<string, double> { ["STATUS_CODE_UNSET"] = 1, ["STATUS_CODE_ERROR"] = 2 }, calls);
    }

    [Fact]
    public void New_series_beyond_the_bound_fold_into_an_overflow_series()
    {
        var aggregator = new SpanMetricsAggregator(Options.Create(new SpanMetricsOptions { MaxSeries = 2 }));
        aggregator.Record(Enumerable.Range(0, 10).Select(i => Span("GET /orders/" + i, 1)).ToList());

        var names = aggregator.Snapshot(1, "a").Where(p => p.Name == SpanMetricsAggregator.CallsName).ToDictionary(p => p.Labels["span_name"], p => p.Value);

        Assert.Equal(new Dictionary<string, double> { ["GET /orders/0"] = 1, ["GET /orders/1"] = 1, [SpanMetricsAggregator.OverflowSpanName] = 8 }, names);
        Assert.Equal(3, aggregator.SeriesCount);
    }

    private static Span Span(string name, double ms) => new(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, "cart", name, SpanKind.Server, 0, (long)(ms * 1_000_000), SpanStatus.Unset, null,
        new Dictionary<string, AttributeValue>(), new Dictionary<string, AttributeValue>(), [], []);
}
