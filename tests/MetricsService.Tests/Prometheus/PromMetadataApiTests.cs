using System.Globalization;
using System.Net;
using System.Text;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>
/// Metadata and exemplars kept at ingest (remote_write's metadata and exemplars, OTLP's descriptions) and answered by
/// /api/v1/metadata and /api/v1/query_exemplars in Prometheus 2.42's shapes; they survive a restart on the same file.
/// </summary>
public sealed class PromMetadataApiTests : IAsyncLifetime
{
    private readonly MetricsFactory _factory = new();

    // A file of the test's own: a MetricsFactory deletes its folder when disposed, and the restart test outlives one.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-prom-side-" + Guid.NewGuid().ToString("N"));
    private readonly long _t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000 - 60_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string S(long offsetMs) => PromJsonTime(_t0 + offsetMs);

    private string DuckDbPath => Path.Combine(_folder, "metrics.duckdb");

    public async ValueTask InitializeAsync()
    {
        _factory.With("Metrics:Store:DuckDbPath", DuckDbPath);
        using var writer = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var request = new ExemplarWriteRequest()
            .Series([("__name__", "foo_total"), ("job", "x")], [(17, _t0)], ([("trace_id", "abc"), ("span_id", "s1")], 1e-7, _t0 + 123))
            .Series([("__name__", "foo_total"), ("job", "y")], [(3, _t0)], ([("trace_id", "def")], 0.5, _t0 + 500), ([("trace_id", new string('a', 200))], 1, _t0))
            .Series([("__name__", "bar"), ("job", "x")], [(1, _t0)])
            .Metadata(1, "foo", "A counter with \"quotes\".", "")
            .Metadata(2, "bar", "A gauge.", "seconds");
        using var written = await writer.PostAsync("/api/v1/write", request.ToContent(), Ct);
        Assert.Equal(HttpStatusCode.NoContent, written.StatusCode);

        var nanos = (_t0 * 1_000_000).ToString(CultureInfo.InvariantCulture);
        var otlp = $$$"""{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"queue.depth","description":"Jobs waiting.","unit":"{job}","gauge":{"dataPoints":[{"asDouble":3,"timeUnixNano":"{{{nanos}}}"}]}}]}]}]}""";
        using var exported = await writer.PostAsync("/v1/metrics", new StringContent(otlp, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Exemplars_of_the_selected_series_in_prometheus_json()
    {
        var (status, body) = await GetAsync(_factory, "/api/v1/query_exemplars?query=" + Uri.EscapeDataString("sum(rate(foo_total[5m])) + bar"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            $$$"""{"status":"success","data":[{"seriesLabels":{"__name__":"foo_total","job":"x"},"exemplars":[{"labels":{"span_id":"s1","trace_id":"abc"},"value":"1e-07","timestamp":{{{S(123)}}}}]},{"seriesLabels":{"__name__":"foo_total","job":"y"},"exemplars":[{"labels":{"trace_id":"def"},"value":"0.5","timestamp":{{{S(500)}}}}]}]}""",
            body);
    }

    [Fact]
    public async Task Exemplars_outside_start_and_end_are_left_out_and_bad_input_is_400()
    {
        var from = PromJsonTime(_t0 + 200);
        var later = await GetAsync(_factory, $"/api/v1/query_exemplars?query=foo_total&start={from}");
        var backwards = await GetAsync(_factory, "/api/v1/query_exemplars?query=foo_total&start=10&end=5");
        var unparsable = await GetAsync(_factory, "/api/v1/query_exemplars?query=foo%7B");
        var badStart = await GetAsync(_factory, "/api/v1/query_exemplars?query=foo_total&start=abc");

        Assert.Single(PromApiFixture.Parse(later.Body).GetProperty("data").EnumerateArray());
        Assert.Equal("""{"status":"error","errorType":"bad_data","error":"end timestamp must not be before start timestamp"}""", backwards.Body);
        Assert.Equal("""{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input inside braces"}""", unparsable.Body);
        Assert.Equal("""{"status":"error","errorType":"bad_data","error":"invalid parameter \"start\": Invalid time value for 'start': cannot parse \"abc\" to a valid timestamp"}""", badStart.Body);
    }

    [Fact]
    public async Task A_query_without_selectors_has_no_exemplars_and_no_body()
    {
        var (status, body) = await GetAsync(_factory, "/api/v1/query_exemplars?query=vector(1)");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Metadata_from_remote_write_and_otlp()
    {
        var all = await GetAsync(_factory, "/api/v1/metadata");
        var one = await GetAsync(_factory, "/api/v1/metadata?metric=foo");
        var none = await GetAsync(_factory, "/api/v1/metadata?limit=0");
        var first = await GetAsync(_factory, "/api/v1/metadata?limit=1&limit_per_metric=1");
        var bad = await GetAsync(_factory, "/api/v1/metadata?limit=abc");

        Assert.Equal(
            """{"status":"success","data":{"bar":[{"type":"gauge","help":"A gauge.","unit":"seconds"}],"foo":[{"type":"counter","help":"A counter with \"quotes\".","unit":""}],"queue_depth":[{"type":"gauge","help":"Jobs waiting.","unit":"{job}"}]}}""",
            all.Body);
        Assert.Equal("""{"status":"success","data":{"foo":[{"type":"counter","help":"A counter with \"quotes\".","unit":""}]}}""", one.Body);
        Assert.Equal("""{"status":"success","data":{}}""", none.Body);
        Assert.Equal("""{"status":"success","data":{"bar":[{"type":"gauge","help":"A gauge.","unit":"seconds"}]}}""", first.Body);
        Assert.Equal((HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"limit must be a number"}"""), bad);
    }

    [Fact]
    public async Task Metadata_and_exemplars_survive_a_restart()
    {
        await using var restarted = new MetricsFactory();
        restarted.With("Metrics:Store:DuckDbPath", DuckDbPath);
        await _factory.DisposeAsync();

        var exemplars = await GetAsync(restarted, "/api/v1/query_exemplars?query=foo_total");
        var metadata = await GetAsync(restarted, "/api/v1/metadata?metric=bar");

        Assert.Equal(2, PromApiFixture.Parse(exemplars.Body).GetProperty("data").GetArrayLength());
        Assert.Equal("""{"status":"success","data":{"bar":[{"type":"gauge","help":"A gauge.","unit":"seconds"}]}}""", metadata.Body);
    }

    [Fact]
    public async Task Buildinfo_names_the_prometheus_version_answered_as()
    {
        var (status, body) = await GetAsync(_factory, "/api/v1/status/buildinfo");

        Assert.Equal(HttpStatusCode.OK, status);
        var data = PromApiFixture.Parse(body).GetProperty("data");
        Assert.Equal("3.0.0", data.GetProperty("version").GetString());
        Assert.Equal("airis-epm", data.GetProperty("buildUser").GetString());
        Assert.StartsWith(".NET", data.GetProperty("goVersion").GetString());
    }

    private static string PromJsonTime(long ms) =>
        (ms / 1000).ToString(CultureInfo.InvariantCulture) + (ms % 1000 == 0 ? "" : "." + (ms % 1000).ToString("000", CultureInfo.InvariantCulture));

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(MetricsFactory factory, string pathAndQuery)
    {
        using var reader = factory.CreateClient().WithToken(Permissions.MetricsRead);
        using var response = await reader.GetAsync(pathAndQuery, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
