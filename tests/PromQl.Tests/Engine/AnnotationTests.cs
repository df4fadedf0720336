using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;
using static AirisEpm.PromQl.Tests.Engine.EngineAssert;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>Warnings and infos with Prometheus's texts, and the <c>(line:col)</c> of the node when the query text is known.</summary>
public sealed class AnnotationTests
{
    private static readonly PromQlEngine Promql = new();

    private readonly InMemorySeriesSource _source = TestData.Load(
        "1m",
        ("temperature{room=\"kitchen\"}", "20 22 21 25 24 30"),
        ("requests_total", "0+10x5"),
        ("mono_bucket{le=\"1\"}", "10"), ("mono_bucket{le=\"2\"}", "8"), ("mono_bucket{le=\"5\"}", "15"), ("mono_bucket{le=\"+Inf\"}", "20"));

    [Fact]
    public async Task Rate_of_a_metric_not_named_like_a_counter_adds_an_info()
    {
        var result = await Promql.InstantAsync(_source, "increase(temperature[5m])", 330_000, CancellationToken.None);
        Assert.Equal(["PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"temperature\" (1:10)"], result.Infos);
        Assert.Empty(result.Warnings);

        var counter = await Promql.InstantAsync(_source, "rate(requests_total[5m])", 300_000, CancellationToken.None);
        Assert.Empty(counter.Infos);
    }

    [Fact]
    public async Task Histogram_quantile_notes_when_it_forced_the_buckets_monotonic()
    {
        var result = await Promql.InstantAsync(_source, "histogram_quantile(0.5, mono_bucket)", 0, CancellationToken.None);
        Assert.Equal(
            ["PromQL info: input to histogram_quantile needed to be fixed for monotonicity (see https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) (1:25)"],
            result.Infos);
        VectorEquals(result.Value, ordered: false, ("{}", 1.0));
    }

    [Fact]
    public async Task Warnings_cite_the_node_they_are_about()
    {
        var sort = await Promql.RangeAsync(_source, "sum(sort(temperature))", 0, 60_000, 60_000, CancellationToken.None);
        Assert.Equal(["PromQL warning: sort is ineffective for range queries since results are always ordered by labels (1:5)"], sort.Warnings);

        var quantile = await Promql.InstantAsync(_source, "quantile(\n  -1, temperature)", 0, CancellationToken.None);
        Assert.Equal(["PromQL warning: quantile value should be between 0 and 1, got -1 (2:3)"], quantile.Warnings);
    }

    [Fact]
    public async Task Without_the_query_text_annotations_have_no_position()
    {
        var result = await Promql.InstantAsync(_source, PromQlParser.ParseExpr("increase(temperature[5m])"), 330_000, CancellationToken.None);
        Assert.Equal(["PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \"temperature\""], result.Infos);
    }

    [Fact]
    public async Task A_repeated_annotation_is_reported_once()
    {
        var result = await Promql.RangeAsync(_source, "quantile(2, temperature) + quantile(2, temperature)", 0, 120_000, 60_000, CancellationToken.None);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public async Task A_query_that_does_not_parse_is_bad_data_with_prometheus_text()
    {
        var error = await Assert.ThrowsAsync<ParseException>(() => Promql.InstantAsync(_source, "sum(", 0, CancellationToken.None));
        Assert.Equal(PromQlErrorType.BadData, error.Type);
        Assert.StartsWith("1:5: parse error:", error.Message, StringComparison.Ordinal);
    }
}
