using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.LogService.Tests.Functional;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.LogQl.Functional;

/// <summary>
/// The Loki query API through the whole host (auth, routing, JSON), checking the exact shapes Grafana's
/// Loki data source reads. Records are ingested through <c>POST /api/v1/logs</c>: 12 lines, one every
/// 10 s from a minute boundary ten minutes ago, api and web alternating, every third an error.
/// </summary>
public sealed class LokiQueryApiTests(LokiQueryFixture fixture) : IClassFixture<LokiQueryFixture>
{
    private readonly LogServiceFactory _factory = fixture.Factory;

    private long StartNs => fixture.StartNs;

    private string Range => $"start={StartNs - 1}&end={StartNs + (180L * 1_000_000_000)}";

    [Fact]
    public async Task Grafanas_health_check_gets_two()
    {
        var body = await GetAsync("/loki/api/v1/query?query=" + Uri.EscapeDataString("vector(1)+vector(1)"));
        Assert.Equal("success", body.GetProperty("status").GetString());
        var data = body.GetProperty("data");
        Assert.Equal("vector", data.GetProperty("resultType").GetString());
        var sample = Assert.Single(data.GetProperty("result").EnumerateArray());
        Assert.Empty(sample.GetProperty("metric").EnumerateObject());
        Assert.Equal(JsonValueKind.Number, sample.GetProperty("value")[0].ValueKind);
        Assert.Equal("2", sample.GetProperty("value")[1].GetString());
        Assert.True(data.GetProperty("stats").GetProperty("summary").TryGetProperty("execTime", out _));
    }

    [Fact]
    public async Task Log_queries_answer_streams_of_nanosecond_string_and_line_pairs()
    {
        var body = await GetAsync($"/loki/api/v1/query_range?query={Uri.EscapeDataString("{service_name=\"api\"} |= \"status=500\"")}&{Range}&limit=100&direction=backward");
        var data = body.GetProperty("data");
        Assert.Equal("streams", data.GetProperty("resultType").GetString());
        var stream = Assert.Single(data.GetProperty("result").EnumerateArray());
        Assert.Equal(
            new Dictionary<string, string> { ["detected_level"] = "error", ["env"] = "prod", ["host"] = "h0", ["service_name"] = "api" },
            stream.GetProperty("stream").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        var values = stream.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal([6, 0], values.Select(v => int.Parse(v[1].GetString()!.Split(' ')[1], CultureInfo.InvariantCulture)));
        Assert.All(values, v => Assert.Equal(JsonValueKind.String, v[0].ValueKind));
        Assert.Equal((StartNs + (60L * 1_000_000_000)).ToString(CultureInfo.InvariantCulture), values[0][0].GetString());
        Assert.Equal("request 0 status=500 took 0ms", values[1][1].GetString());
        Assert.Equal(2, data.GetProperty("stats").GetProperty("summary").GetProperty("totalEntriesReturned").GetInt64());
    }

    [Fact]
    public async Task Range_queries_may_be_posted_as_a_form()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["query"] = "{service_name=~\"api|web\"} | logfmt | status >= 500",
            ["start"] = (StartNs - 1).ToString(CultureInfo.InvariantCulture),
            ["end"] = (StartNs + (180L * 1_000_000_000)).ToString(CultureInfo.InvariantCulture),
            ["limit"] = "3",
            ["direction"] = "forward",
        });
        var body = await (await _factory.Reader().PostAsync("/loki/api/v1/query_range", form, Ct)).JsonAsync();
        var lines = body.GetProperty("data").GetProperty("result").EnumerateArray()
            .SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v => v[1].GetString())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["request 0 status=500 took 0ms", "request 3 status=500 took 9ms", "request 6 status=500 took 18ms"], lines);
    }

    [Fact]
    public async Task Metric_range_queries_answer_a_matrix_of_second_and_string_pairs()
    {
        var query = Uri.EscapeDataString("sum by (level) (count_over_time({service_name=~\".+\"}[1m]))");
        var start = StartNs + (60L * 1_000_000_000);
        var body = await GetAsync($"/loki/api/v1/query_range?query={query}&start={start}&end={start + (60L * 1_000_000_000)}&step=60");
        var data = body.GetProperty("data");
        Assert.Equal("matrix", data.GetProperty("resultType").GetString());
        var series = data.GetProperty("result").EnumerateArray().ToDictionary(s => s.GetProperty("metric").GetProperty("level").GetString()!);
        Assert.Equal(["error", "info"], series.Keys.Order(StringComparer.Ordinal));
        var errors = series["error"].GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Number, errors[0][0].ValueKind);
        Assert.Equal((start / 1_000_000_000).ToString(CultureInfo.InvariantCulture), errors[0][0].GetRawText());
        // Lines i = 0..11 at 10·i s; errors where i % 3 == 0. (t0 − 60 s, t0]: lines 1–6, errors 3 and 6; (t0, t0 + 60 s]: lines 7–11, error 9.
        Assert.Equal(["2", "1"], errors.Select(v => v[1].GetString()));
        Assert.Equal(["4", "4"], series["info"].GetProperty("values").EnumerateArray().Select(v => v[1].GetString()));
    }

    [Fact]
    public async Task Sorted_instant_vectors_keep_their_value_order_in_the_json()
    {
        var sum = "sum by (service_name) (sum_over_time({service_name=~\".+\"} | pattern \"request <n> status=<status> took <took>\" | unwrap n [5m]))";
        var time = StartNs + (180L * 1_000_000_000);
        async Task<List<(string Service, string Value)>> SamplesAsync(string query)
        {
            var body = await GetAsync($"/loki/api/v1/query?query={Uri.EscapeDataString(query)}&time={time}");
            return body.GetProperty("data").GetProperty("result").EnumerateArray()
                .Select(s => (s.GetProperty("metric").GetProperty("svc").GetString()!, s.GetProperty("value")[1].GetString()!)).ToList();
        }

        // api's requests are numbered 0, 2, … 10, web's 1, 3, … 11.
        Assert.Equal([("s-web", "36"), ("s-api", "30")], await SamplesAsync($"label_replace(sort_desc({sum}), \"svc\", \"s-$1\", \"service_name\", \"(.*)\")"));
        Assert.Equal([("s-api", "30"), ("s-web", "36")], await SamplesAsync($"label_replace(sort({sum}), \"svc\", \"s-$1\", \"service_name\", \"(.*)\")"));
    }

    [Fact]
    public async Task Scalars_answer_as_a_time_and_value_pair()
    {
        var body = await GetAsync("/loki/api/v1/query?query=" + Uri.EscapeDataString("1 + 1") + "&time=1700000000.5");
        var data = body.GetProperty("data");
        Assert.Equal("scalar", data.GetProperty("resultType").GetString());
        Assert.Equal("1700000000.5", data.GetProperty("result")[0].GetRawText());
        Assert.Equal("2", data.GetProperty("result")[1].GetString());
    }

    [Theory]
    [InlineData("/loki/api/v1/query_range?query=%7Bservice_name%3D%22api%22%7D%20%7C%3D%20ip(%221.2.3.4%22)", "parse error at line 1, col 25: ip() filters are not supported")]
    [InlineData("/loki/api/v1/query_range?query=%7B%7D", "queries require at least one regexp or equality matcher")]
    [InlineData("/loki/api/v1/query_range?query=%7Bservice_name%3D%22api%22%7D&start=yesterday", "invalid parameter 'start'")]
    [InlineData("/loki/api/v1/query_range?query=%7Bservice_name%3D%22api%22%7D&direction=sideways", "invalid direction 'sideways'")]
    [InlineData("/loki/api/v1/query_range?query=%7Bservice_name%3D%22api%22%7D&limit=0", "limit must be a positive value")]
    [InlineData("/loki/api/v1/query_range?query=rate(%7Bservice_name%3D%22api%22%7D%5B1m%5D)&step=0.0001&since=24h", "exceeded maximum resolution")]
    [InlineData("/loki/api/v1/query?query=%7Bservice_name%3D%22api%22%7D", "log queries are not supported as an instant query type")]
    [InlineData("/loki/api/v1/query", "invalid parameter 'query'")]
    [InlineData("/loki/api/v1/series?match[]=%7Ba%3D", "invalid parameter 'match[]'")]
    [InlineData("/loki/api/v1/label/bad-name/values", "'bad-name' is not a valid label name")]
    public async Task Errors_answer_400_in_lokis_shape(string path, string message)
    {
        var body = await (await _factory.Reader().GetAsync(path, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal("bad_data", body.GetProperty("errorType").GetString());
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(body.GetProperty("error").GetString(), body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Labels_and_their_values_come_from_the_stored_streams()
    {
        var labels = await GetAsync($"/loki/api/v1/labels?{Range}");
        Assert.Equal(["env", "host", "service_name"], labels.GetProperty("data").EnumerateArray().Select(l => l.GetString()));
        var services = await GetAsync($"/loki/api/v1/label/service_name/values?{Range}");
        Assert.Equal(["api", "web"], services.GetProperty("data").EnumerateArray().Select(l => l.GetString()));
        var hosts = await GetAsync($"/loki/api/v1/label/host/values?{Range}&query={Uri.EscapeDataString("{service_name=\"web\"}")}");
        Assert.Equal(["h1"], hosts.GetProperty("data").EnumerateArray().Select(l => l.GetString()));
        var levels = await GetAsync($"/loki/api/v1/label/level/values?{Range}");
        Assert.Equal(["error", "info"], levels.GetProperty("data").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Series_lists_the_distinct_label_sets()
    {
        var body = await GetAsync($"/loki/api/v1/series?{Range}&match[]={Uri.EscapeDataString("{service_name=\"api\"}")}");
        var series = body.GetProperty("data").EnumerateArray().Select(s => string.Join(",", s.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"))).ToList();
        Assert.Equal(["detected_level=error,env=prod,host=h0,service_name=api", "detected_level=info,env=prod,host=h0,service_name=api"], series);
    }

    [Fact]
    public async Task Index_stats_count_the_entries_exactly()
    {
        var body = await GetAsync($"/loki/api/v1/index/stats?{Range}&query={Uri.EscapeDataString("{service_name=\"web\"}")}");
        Assert.Equal(6, body.GetProperty("entries").GetInt64());
        Assert.Equal(2, body.GetProperty("streams").GetInt64());
        Assert.Equal(0, body.GetProperty("chunks").GetInt64());
        Assert.InRange(body.GetProperty("bytes").GetInt64(), 150, 250);

        // Grafana may send the whole query it is about to run; its first selector counts.
        var whole = await GetAsync($"/loki/api/v1/index/stats?{Range}&query={Uri.EscapeDataString("sum(count_over_time({service_name=\"web\"} |= \"x\" [5m]))")}");
        Assert.Equal(6, whole.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Patterns_come_with_levels_and_samples()
    {
        var body = await GetAsync($"/loki/api/v1/patterns?{Range}&step=60&query={Uri.EscapeDataString("{service_name=~\".+\"}")}");
        Assert.Equal("success", body.GetProperty("status").GetString());
        var patterns = body.GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(patterns);
        Assert.All(patterns, p =>
        {
            Assert.Contains("<_>", p.GetProperty("pattern").GetString(), StringComparison.Ordinal);
            Assert.Contains(p.GetProperty("level").GetString(), new[] { "error", "info" });
            Assert.All(p.GetProperty("samples").EnumerateArray(), s => Assert.Equal(JsonValueKind.Number, s[1].ValueKind));
        });
        Assert.Equal(12, patterns.Sum(p => p.GetProperty("samples").EnumerateArray().Sum(s => s[1].GetInt64())));
    }

    [Fact]
    public async Task Build_info_names_a_loki_version()
    {
        var body = await GetAsync("/loki/api/v1/status/buildinfo");
        Assert.StartsWith("3.", body.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_needs_the_logs_read_permission()
    {
        var response = await _factory.CreateClient().GetAsync("/loki/api/v1/query?query=vector(1)", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> GetAsync(string path) => await (await _factory.Reader().GetAsync(path, Ct)).JsonAsync();
}

/// <summary>One host for the class, with the 12 records ingested once (see <see cref="LokiQueryApiTests"/>).</summary>
public sealed class LokiQueryFixture : IAsyncLifetime
{
    public LogServiceFactory Factory { get; } = new();

    public long StartNs { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-10);
        StartNs = (start - DateTimeOffset.UnixEpoch).Ticks * 100;
        var lines = Enumerable.Range(0, 12).Select(i => JsonSerializer.Serialize(new
        {
            timestamp = start.AddSeconds(i * 10),
            level = i % 3 == 0 ? "error" : "info",
            message = $"request {i} status={(i % 3 == 0 ? 500 : 200)} took {i * 3}ms",
            service = i % 2 == 0 ? "api" : "web",
            labels = new { host = $"h{i % 2}", env = "prod" },
        }));
        var response = await Factory.Writer().PostAsync("/api/v1/logs", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Factory.Reader().SearchUntilAsync("q=request&limit=100&start=" + StartNs, 12);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
