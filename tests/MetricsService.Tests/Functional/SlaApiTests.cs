using System.Net;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>An SLA report computed from request-duration histogram series ingested through the API.</summary>
public sealed class SlaApiTests : IAsyncLifetime
{
    private readonly MetricsFactory _factory = new();
    private readonly long _t0 = ((Json.NowMs / 3_600_000) - 2) * 3_600_000;
    private HttpClient _reader = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Ten minutes of checkout traffic: 600 requests a minute answered 200, 30 a minute answered 500
    /// in minute 7 only; latencies mostly under 50 ms.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        _reader = _factory.CreateClient().WithToken(Permissions.MetricsRead);
        var writer = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var metrics = new List<object>();
        double ok = 0, failed = 0, fast = 0, medium = 0, all = 0;
        for (var minute = 0; minute <= 10; minute++)
        {
            var ts = _t0 + (minute * 60_000);
            // checkout as the JSON API labels it; payments as OTLP does (service.name as job, after its namespace).
            foreach (var owner in new[] { ("service", "checkout"), ("job", "shop/payments") })
            {
                metrics.Add(Counter("_count", ts, ok, "200", owner));
                metrics.Add(Counter("_count", ts, failed, "500", owner));
                metrics.Add(Bucket(ts, "0.05", fast, owner));
                metrics.Add(Bucket(ts, "0.25", medium, owner));
                metrics.Add(Bucket(ts, "+Inf", all, owner));
            }

            ok += 600;
            failed += minute == 6 ? 30 : 0;
            var requests = 600 + (minute == 6 ? 30 : 0);
            fast += requests * 0.9;
            medium += requests;
            all += requests;
        }

        var response = await writer.PostAsync("/api/v1/metrics", Json.Batch([.. metrics]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static object Counter(string suffix, long ts, double value, string code, (string Name, string Value) owner) => new
    {
        name = "http_server_request_duration_seconds" + suffix,
        value,
        timestamp = ts,
        type = "counter",
        labels = new Dictionary<string, string> { [owner.Name] = owner.Value, ["http_response_status_code"] = code },
    };

    private static object Bucket(long ts, string le, double value, (string Name, string Value) owner) => new
    {
        name = "http_server_request_duration_seconds_bucket",
        value,
        timestamp = ts,
        type = "counter",
        labels = new Dictionary<string, string> { [owner.Name] = owner.Value, ["le"] = le },
    };

    private string Range(int fromMinute, int toMinute) =>
        $"start={(_t0 / 1000) + (fromMinute * 60)}&end={(_t0 / 1000) + (toMinute * 60)}";

    [Fact]
    public async Task Report_judges_each_objective_from_the_histogram()
    {
        var response = await _reader.GetAsync($"/api/v1/sla/report?service=checkout&{Range(0, 10)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadAsync();

        // The range is [start, end): the counter's last sample, at end, is not in it, so nine
        // minute-to-minute increases count: 9 × 600 + 30.
        Assert.Equal(5430, report.GetProperty("totalRequests").GetDouble());
        var availability = report.GetProperty("availability");
        Assert.Equal(100, availability.GetProperty("actual").GetDouble());
        var errorRate = report.GetProperty("errorRate");
        Assert.Equal(30.0 / 5430 * 100, errorRate.GetProperty("actual").GetDouble(), 3);
        Assert.Equal("BREACH", errorRate.GetProperty("status").GetString());
        // p95 falls in the 50–250 ms bucket: 50 + 200 * (0.95 - 0.9) / 0.1 = 150 ms.
        Assert.Equal(150, report.GetProperty("p95Latency").GetProperty("actual").GetDouble(), 1);
        Assert.Equal("BREACH", report.GetProperty("p95Latency").GetProperty("status").GetString());
        Assert.Equal(9.05, report.GetProperty("throughput").GetProperty("actual").GetDouble(), 2);
        Assert.Equal("BREACH", report.GetProperty("overall").GetString());
    }

    [Fact]
    public async Task A_service_is_also_found_by_its_job_as_otlp_names_it()
    {
        var report = await (await _reader.GetAsync($"/api/v1/sla/report?service=payments&{Range(0, 10)}", Ct)).ReadAsync();

        Assert.Equal(5430, report.GetProperty("totalRequests").GetDouble());
        Assert.Equal(150, report.GetProperty("p95Latency").GetProperty("actual").GetDouble(), 1);
    }

    [Fact]
    public async Task A_quiet_window_is_met_on_errors()
    {
        var report = await (await _reader.GetAsync($"/api/v1/sla/report?service=checkout&{Range(0, 5)}", Ct)).ReadAsync();
        Assert.Equal("MET", report.GetProperty("errorRate").GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("errorRate").GetProperty("actual").GetDouble());
    }

    [Fact]
    public async Task An_unknown_service_has_no_data()
    {
        var report = await (await _reader.GetAsync($"/api/v1/sla/report?service=nobody&{Range(0, 10)}", Ct)).ReadAsync();
        Assert.Equal("NO_DATA", report.GetProperty("overall").GetString());
    }

    [Theory]
    [InlineData("start=100&end=200", "service")]
    [InlineData("service=checkout&start=soon&end=200", "start")]
    [InlineData("service=checkout&start=200&end=100", "end")]
    [InlineData("service=checkout&start=0&end=99999999", "end")]
    public async Task Bad_input_names_the_field(string query, string field)
    {
        var response = await _reader.GetAsync($"/api/v1/sla/report?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Requires_the_read_permission()
    {
        var client = _factory.CreateClient().WithToken(Permissions.MetricsWrite);
        var response = await client.GetAsync($"/api/v1/sla/report?service=checkout&{Range(0, 10)}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
