using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.LogService.Tests.Functional;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.LogQl.Functional;

/// <summary>
/// What Logs Drilldown calls, through the whole host, in Loki's JSON shapes: detected_fields (with parsers,
/// types, cardinalities and JSON paths), a field's values, detected_labels; plus the new pipeline stages and
/// metric functions answered over Loki-pushed records with structured metadata.
/// </summary>
public sealed class LokiDetectedApiTests(LokiDetectedFixture fixture) : IClassFixture<LokiDetectedFixture>
{
    private readonly LogServiceFactory _factory = fixture.Factory;

    private string Range => $"start={fixture.StartNs - 1}&end={fixture.StartNs + (120L * 1_000_000_000)}";

    [Fact]
    public async Task Detected_fields_name_each_field_its_type_cardinality_and_parser()
    {
        var body = await GetAsync($"/loki/api/v1/detected_fields?query={Q("{service_name=\"checkout\"}")}&{Range}&line_limit=1000");
        Assert.Equal(1000, body.GetProperty("limit").GetInt32());
        var fields = body.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("label").GetString()!);
        Assert.Equal(["amount", "level", "method", "region", "took", "trace_id", "user_id"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("float", fields["amount"].GetProperty("type").GetString());
        Assert.Equal("duration", fields["took"].GetProperty("type").GetString());
        Assert.Equal("int", fields["user_id"].GetProperty("type").GetString());
        Assert.Equal(["user", "id"], fields["user_id"].GetProperty("jsonPath").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["json"], fields["user_id"].GetProperty("parsers").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["logfmt"], fields["method"].GetProperty("parsers").EnumerateArray().Select(p => p.GetString()));
        Assert.False(fields["method"].TryGetProperty("jsonPath", out _));
        Assert.Equal(JsonValueKind.Null, fields["region"].GetProperty("parsers").ValueKind);
        Assert.Equal(JsonValueKind.Null, fields["trace_id"].GetProperty("parsers").ValueKind);
        Assert.Equal(3, fields["user_id"].GetProperty("cardinality").GetInt64());
        Assert.Equal(2, fields["region"].GetProperty("cardinality").GetInt64());
    }

    [Fact]
    public async Task A_query_with_a_pipeline_narrows_the_lines_and_limits_apply()
    {
        var body = await GetAsync($"/loki/api/v1/detected_fields?query={Q("{service_name=\"checkout\"} |= \"method=\" | logfmt")}&{Range}&field_limit=2&line_limit=1");
        var fields = body.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(2, fields.Count);
        Assert.Equal(2, body.GetProperty("limit").GetInt32());
        var none = await GetAsync($"/loki/api/v1/detected_fields?query={Q("{service_name=\"nothing\"}")}&{Range}");
        Assert.Empty(none.EnumerateObject());
    }

    [Fact]
    public async Task A_fields_values_are_listed()
    {
        var body = await GetAsync($"/loki/api/v1/detected_field/region/values?query={Q("{service_name=\"checkout\"}")}&{Range}");
        Assert.Equal(["eu", "us"], body.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        var methods = await GetAsync($"/loki/api/v1/detected_field/method/values?query={Q("{service_name=\"checkout\"}")}&{Range}");
        Assert.Equal(["GET", "POST"], methods.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Detected_labels_leave_out_identifier_labels()
    {
        var body = await GetAsync($"/loki/api/v1/detected_labels?query={Q("{service_name=\"checkout\"}")}&{Range}");
        var labels = body.GetProperty("detectedLabels").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l.GetProperty("cardinality").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["env"] = 1, ["service_name"] = 1 }, labels);
    }

    [Theory]
    [InlineData("/loki/api/v1/detected_fields?query=sum(count_over_time(%7Bservice_name%3D%22checkout%22%7D%5B1m%5D))", "only log selector is supported")]
    [InlineData("/loki/api/v1/detected_fields?query=%7Bservice_name%3D%22checkout%22%7D&line_limit=0", "limit must be a positive value")]
    [InlineData("/loki/api/v1/detected_fields?query=%7Bservice_name%3D%22checkout%22%7D&step=0", "zero or negative query resolution step")]
    [InlineData("/loki/api/v1/detected_fields", "invalid parameter 'query'")]
    [InlineData("/loki/api/v1/detected_field/bad-name/values?query=%7Ba%3D%22b%22%7D", "'bad-name' is not a valid field name")]
    [InlineData("/loki/api/v1/detected_labels?query=%7Ba%3D", "parse error")]
    public async Task Bad_requests_answer_400_in_lokis_shape(string path, string message)
    {
        var body = await (await _factory.Reader().GetAsync(path, Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("bad_data", body.GetProperty("errorType").GetString());
        Assert.Contains(message, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_stages_answer_streams_in_lokis_shape()
    {
        var query = "{service_name=\"checkout\"} |> \"method=<_> took=<_>\" | pattern \"method=<m> took=<t>\" | label_format verb=m | line_format \"{{.verb | lower}} in {{.t}}\"";
        var body = await GetAsync($"/loki/api/v1/query_range?query={Q(query)}&{Range}&limit=10&direction=forward");
        var streams = body.GetProperty("data").GetProperty("result").EnumerateArray().ToList();
        var lines = streams.SelectMany(s => s.GetProperty("values").EnumerateArray().Select(v => v[1].GetString())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["get in 15ms", "post in 1.2s"], lines);
        var labels = streams.Select(s => s.GetProperty("stream").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString())).ToList();
        Assert.All(labels, l => Assert.True(l.ContainsKey("verb") && l.ContainsKey("t") && !l.ContainsKey("m")));
    }

    [Fact]
    public async Task Unwrapped_values_and_vector_matching_answer_a_matrix()
    {
        var query = "sum by (env) (sum_over_time({service_name=\"checkout\"} |= \"took=\" | logfmt | unwrap duration(took) | __error__=\"\" [2m])) / on (env) sum by (env) (count_over_time({service_name=\"checkout\"} |= \"took=\" [2m]))";
        var body = await GetAsync($"/loki/api/v1/query?query={Q(query)}&time={(fixture.StartNs + (100L * 1_000_000_000)).ToString(CultureInfo.InvariantCulture)}");
        var sample = Assert.Single(body.GetProperty("data").GetProperty("result").EnumerateArray());
        Assert.Equal("prod", sample.GetProperty("metric").GetProperty("env").GetString());
        Assert.Equal(0.6075, double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture), 9);

        var failing = await (await _factory.Reader().GetAsync($"/loki/api/v1/query?query={Q("sum_over_time({service_name=\"checkout\"} | logfmt | unwrap method [2m])")}&time={fixture.StartNs + (100L * 1_000_000_000)}", Ct)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("pipeline error: 'SampleExtractionErr'", failing.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static string Q(string query) => Uri.EscapeDataString(query);

    private async Task<JsonElement> GetAsync(string path) => await (await _factory.Reader().GetAsync(path, Ct)).JsonAsync();
}

/// <summary>Records pushed once through Loki's JSON push: JSON lines (user.id nested), logfmt lines, structured metadata region and trace_id.</summary>
public sealed class LokiDetectedFixture : IAsyncLifetime
{
    public LogServiceFactory Factory { get; } = new();

    public long StartNs { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-10);
        StartNs = (start - DateTimeOffset.UnixEpoch).Ticks * 100;
        string Ns(int seconds) => (StartNs + (seconds * 1_000_000_000L)).ToString(CultureInfo.InvariantCulture);
        object[][] values =
        [
            [Ns(10), """{"level":"info","user":{"id":7},"amount":12.5}""", new Dictionary<string, string> { ["region"] = "eu", ["trace_id"] = "t1" }],
            [Ns(20), """{"level":"error","user":{"id":8},"amount":3}""", new Dictionary<string, string> { ["region"] = "us" }],
            [Ns(30), """{"level":"info","user":{"id":9},"amount":1}""", new Dictionary<string, string> { ["region"] = "eu" }],
            [Ns(40), "method=GET took=15ms", new Dictionary<string, string>()],
            [Ns(50), "method=POST took=1.2s", new Dictionary<string, string>()],
        ];
        var push = JsonSerializer.Serialize(new { streams = new[] { new { stream = new { service_name = "checkout", env = "prod" }, values } } });
        var response = await Factory.Writer().PostAsync("/loki/api/v1/push", new StringContent(push, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Factory.Reader().SearchUntilAsync("q=*&limit=100&start=" + StartNs, 5);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
