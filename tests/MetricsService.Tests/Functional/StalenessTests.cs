using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AirisEpm.MetricsService.Storage;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.PromQl.Model;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>
/// remote_write's stale marker through the whole service: written over HTTP into DuckDB, kept bit-exact, and never a
/// value to query_range, whose raw and 1m answers hold no NaN and whose rate sees no counter reset after the marker.
/// </summary>
public sealed class StalenessTests : IAsyncLifetime
{
    private readonly MetricsFactory _factory = new();
    private HttpClient _reader = null!;

    // Two hours ago, on a whole hour, so minute buckets line up with the steps.
    private readonly long _t0 = ((Json.NowMs / 3_600_000) - 2) * 3_600_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _reader = _factory.CreateClient().WithToken(Permissions.MetricsRead);
        var stale = StaleMarker.Value;
        // A counter that goes stale and comes back higher, then goes stale for good; a gauge with a gap.
        var body = new RemoteWriteBuilder()
            .Series([("__name__", "requests_total"), ("job", "api")],
                (10, _t0), (20, _t0 + 15_000), (30, _t0 + 30_000), (stale, _t0 + 45_000), (40, _t0 + 60_000), (50, _t0 + 75_000), (stale, _t0 + 90_000))
            .Series([("__name__", "temperature"), ("room", "a")], (20, _t0), (stale, _t0 + 15_000), (22, _t0 + 60_000))
            .ToSnappy();
        var writer = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        content.Headers.ContentEncoding.Add("snappy");
        var response = await writer.PostAsync("/api/v1/write", content, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_store_keeps_each_marker_bit_exact()
    {
        var store = _factory.Services.GetRequiredService<IMetricStore>();
        var series = Assert.Single(await store.FindSeriesAsync(SeriesSelector.ForName("requests_total"), Ct));

        var points = Assert.Single(await store.PointsAsync(StorageTier.Raw, [series.Id], _t0, _t0 + 120_000, Ct));

        Assert.Equal([false, false, false, true, false, false, true], points.Values.Select(StaleMarker.IsStale));
    }

    // increase and rate are PromQL's now: each bucket's own samples (the marker is no sample), extrapolated as Prometheus
    // does (2.42 answers the same for these samples); the dialect's own were 20 and 20/60 per bucket, and it read the
    // 1m tier without tier=.
    [Theory]
    [InlineData("fn=increase&tier=raw", new[] { 25.000666666666671, 15.000666666666664 })]
    [InlineData("fn=increase", new[] { 25.000666666666671, 15.000666666666664 })]
    [InlineData("fn=rate&tier=raw", new[] { 0.41667777777777781, 0.25001111111111107 })]
    [InlineData("agg=count&tier=raw", new[] { 3d, 2 })]
    [InlineData("agg=count", new[] { 3d, 2 })]
    [InlineData("agg=sum&tier=raw", new[] { 60d, 90 })]
    [InlineData("agg=sum", new[] { 60d, 90 })]
    [InlineData("agg=last&tier=raw", new[] { 30d, 50 })]
    [InlineData("agg=max", new[] { 30d, 50 })]
    [InlineData("agg=p50&tier=raw", new[] { 20d, 45 })]
    public async Task A_counter_that_went_stale_answers_no_NaN_and_no_false_reset(string query, double[] expected)
    {
        Assert.Equal(expected, await ValuesAsync($"name=requests_total&step=1m&{query}"));
    }

    [Theory]
    [InlineData("agg=avg&tier=raw")]
    [InlineData("agg=avg")]
    public async Task A_gauge_with_a_stale_marker_averages_its_values_only(string query)
    {
        Assert.Equal([20d, 22], await ValuesAsync($"name=temperature&step=1m&{query}"));
    }

    private async Task<List<double>> ValuesAsync(string query)
    {
        var start = _t0 / 1000;
        var response = await _reader.GetAsync($"/api/v1/metrics/query_range?start={start}&end={start + 119}&{query}", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var series = Assert.Single(json.RootElement.GetProperty("series").EnumerateArray().ToList());
        return [.. series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];
    }
}
