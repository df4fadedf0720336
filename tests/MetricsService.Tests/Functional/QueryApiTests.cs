using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>Range queries and metadata over a small fixture ingested through the API.</summary>
public sealed class QueryApiTests : IAsyncLifetime
{
    private readonly MetricsFactory _factory = new();
    private HttpClient _reader = null!;

    // Two hours ago, on a whole hour, so rollup buckets line up with the steps.
    private readonly long _t0 = ((Json.NowMs / 3_600_000) - 2) * 3_600_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _reader = _factory.CreateClient().WithToken(Permissions.MetricsRead);
        var writer = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var metrics = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var ts = _t0 + (i * 15_000);
            metrics.Add(new { name = "latency_ms", value = (double)(i + 1), timestamp = ts, labels = new Dictionary<string, string> { ["job"] = "api", ["code"] = "200" } });
            metrics.Add(new { name = "latency_ms", value = (double)(10 * (i + 1)), timestamp = ts, labels = new Dictionary<string, string> { ["job"] = "api", ["code"] = "500" } });
            metrics.Add(new { name = "latency_ms", value = 1000.0, timestamp = ts, labels = new Dictionary<string, string> { ["job"] = "web", ["code"] = "503" } });
            // A counter that resets after the 5th sample: 0, 10, 20, 30, 40, 5, 15, 25, 35, 45
            metrics.Add(new { name = "requests_total", value = i < 5 ? i * 10.0 : ((i - 5) * 10.0) + 5, timestamp = ts, type = "counter", labels = new Dictionary<string, string> { ["job"] = "api" } });
        }

        var response = await writer.PostAsync("/api/v1/metrics", Json.Batch([.. metrics]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JsonElement> QueryAsync(string query)
    {
        var start = _t0 / 1000;
        var response = await _reader.GetAsync($"/api/v1/metrics/query_range?start={start}&end={start + 149}&{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync();
    }

    private static List<double> Values(JsonElement series) =>
        [.. series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("v").GetDouble())];

    [Fact]
    public async Task Per_series_average_on_the_raw_tier()
    {
        var result = await QueryAsync("name=latency_ms&match[]={code=\"200\"}&step=30s&agg=avg");

        Assert.Equal("raw", result.GetProperty("tier").GetString());
        var series = Assert.Single(result.GetProperty("series").EnumerateArray().ToList());
        Assert.Equal("latency_ms", series.GetProperty("labels").GetProperty("__name__").GetString());
        Assert.Equal([1.5, 3.5, 5.5, 7.5, 9.5], Values(series));
    }

    // The PromQL engine reads raw samples unless a tier is asked for: a rollup is not exact for it in general.
    [Fact]
    public async Task Group_by_merges_series()
    {
        var result = await QueryAsync("name=latency_ms&match[]={code=~\"5..\"}&step=1m&agg=max&group_by=job");

        Assert.Equal("raw", result.GetProperty("tier").GetString());
        var series = result.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("labels").GetProperty("job").GetString()!);
        Assert.Equal([40d, 80, 100], Values(series["api"]));
        Assert.Equal([1000d, 1000, 1000], Values(series["web"]));
    }

    [Fact]
    public async Task Everything_together_with_an_empty_group_by_and_a_forced_tier()
    {
        var result = await QueryAsync("match[]={job=~\"api|web\"}&name=latency_ms&step=1h&agg=count&group_by=&tier=raw");

        Assert.Equal("raw", result.GetProperty("tier").GetString());
        var series = Assert.Single(result.GetProperty("series").EnumerateArray().ToList());
        Assert.Empty(series.GetProperty("labels").EnumerateObject());
        Assert.Equal([30d], Values(series));
    }

    [Fact]
    public async Task Quantiles_come_from_raw_samples()
    {
        var result = await QueryAsync("name=latency_ms&match[]={code=\"200\"}&step=1h&agg=p50");

        Assert.Equal("raw", result.GetProperty("tier").GetString());
        Assert.Equal([5.5], Values(Assert.Single(result.GetProperty("series").EnumerateArray().ToList())));
    }

    // Prometheus's rate and increase: each bucket's own samples, extrapolated to the bucket's edges (and towards
    // zero for the first). The figures are Prometheus 2.42's for the same samples and expressions
    // (sum without () (increase({__name__="requests_total"}[30s])) at each bucket's last millisecond). The old
    // dialect added the pair that crossed into a bucket and did not extrapolate: 10, 20, 15, 20, 20 and 40/75, 45/75.
    [Theory]
    [InlineData("increase", "30s", new[] { 19.999333333333336, 20, 10, 20, 20 })]
    [InlineData("rate", "75s", new[] { 0.6666577777777777, 0.6666666666666666 })]
    public async Task Counter_functions_handle_resets_as_prometheus(string fn, string step, double[] expected)
    {
        var result = await QueryAsync($"name=requests_total&step={step}&fn={fn}&tier=raw&agg=sum");

        var values = Values(Assert.Single(result.GetProperty("series").EnumerateArray().ToList()));
        Assert.Equal(expected.Length, values.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 9);
        }
    }

    [Theory]
    [InlineData("name=latency_ms&match[]={code=~\"(\"}&step=1m", "match[]")]
    [InlineData("name=latency_ms&step=1m&agg=median", "agg")]
    [InlineData("name=latency_ms&step=1ms", "step")]
    [InlineData("name=latency_ms&step=1m&fn=deriv", "fn")]
    [InlineData("name=latency_ms&step=1m&tier=5m", "tier")]
    [InlineData("name=bad-name&step=1m", "name")]
    [InlineData("step=1m", "name")]
    public async Task Bad_queries_answer_400_naming_the_field(string query, string field)
    {
        var start = _t0 / 1000;
        var response = await _reader.GetAsync($"/api/v1/metrics/query_range?start={start}&end={start + 149}&{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Start_after_end_is_400()
    {
        var response = await _reader.GetAsync("/api/v1/metrics/query_range?name=up&start=2000&end=1000&step=1m", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("start", (await response.ReadAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Names_labels_values_and_series_are_listed()
    {
        static async Task<List<string>> Data(HttpResponseMessage r) =>
            [.. (await r.ReadAsync()).GetProperty("data").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Equal(["latency_ms", "requests_total"], await Data(await _reader.GetAsync("/api/v1/metrics/names", Ct)));
        Assert.Equal(["code", "job"], await Data(await _reader.GetAsync("/api/v1/metrics/labels", Ct)));
        Assert.Equal(["200", "500", "503"], await Data(await _reader.GetAsync("/api/v1/metrics/labels/code/values", Ct)));

        var series = await (await _reader.GetAsync("/api/v1/metrics/series?match[]=latency_ms{job=\"web\"}&match[]=requests_total", Ct)).ReadAsync();
        var names = series.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("__name__").GetString()).ToList();
        Assert.Equal(["latency_ms", "requests_total"], names);
    }

    [Fact]
    public async Task Metadata_input_errors_are_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _reader.GetAsync("/api/v1/metrics/series", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _reader.GetAsync("/api/v1/metrics/series?match[]={a=~\"[\"}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _reader.GetAsync("/api/v1/metrics/labels/1x/values", Ct)).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_the_read_permission()
    {
        var client = _factory.CreateClient().WithToken(Permissions.MetricsWrite);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/metrics/names", Ct)).StatusCode);
    }
}
