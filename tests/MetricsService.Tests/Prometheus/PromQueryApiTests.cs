using System.Net;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>/api/v1/query and /api/v1/query_range answer byte for byte what Prometheus 2.42 answers for the same data.</summary>
public sealed class PromQueryApiTests(PromApiFixture fixture) : IClassFixture<PromApiFixture>
{
    private string S(double offset) => fixture.At(offset);

    [Fact]
    public async Task An_instant_vector_in_prometheus_json()
    {
        var (status, body) = await fixture.GetAsync($"/api/v1/query?query=latency_ms%7Bcode%3D%22200%22%7D&time={S(135)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"latency_ms","code":"200","job":"api"},"value":[{{{S(135)}}},"10"]}]}}""",
            body);
    }

    [Fact]
    public async Task A_post_form_is_read_and_wins_over_the_url()
    {
        var (status, body) = await fixture.PostFormAsync(
            $"/api/v1/query?query=nothing_here&time={S(0)}", ("query", "sum by (job) (latency_ms)"), ("time", S(135)));

        Assert.Equal(HttpStatusCode.OK, status);
        var result = PromApiFixture.Parse(body).GetProperty("data").GetProperty("result").EnumerateArray()
            .ToDictionary(r => r.GetProperty("metric").GetProperty("job").GetString()!, r => r.GetProperty("value")[1].GetString());
        Assert.Equal(new Dictionary<string, string?> { ["api"] = "110", ["web"] = "1000" }, result);
    }

    [Fact]
    public async Task A_range_query_answers_a_matrix()
    {
        var (status, body) = await fixture.GetAsync(
            $"/api/v1/query_range?query=latency_ms%7Bcode%3D%22200%22%7D&start={S(0)}&end={S(135)}&step=45");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            $$$"""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"latency_ms","code":"200","job":"api"},"values":[[{{{S(0)}}},"1"],[{{{S(45)}}},"4"],[{{{S(90)}}},"7"],[{{{S(135)}}},"10"]]}]}}""",
            body);
    }

    [Fact]
    public async Task A_range_query_takes_a_duration_step_and_a_post_form()
    {
        var (status, body) = await fixture.PostFormAsync(
            "/api/v1/query_range", ("query", "sum(latency_ms)"), ("start", S(0)), ("end", S(30)), ("step", "15s"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            $$$"""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[{{{S(0)}}},"1011"],[{{{S(15)}}},"1022"],[{{{S(30)}}},"1033"]]}]}}""",
            body);
    }

    [Theory]
    [InlineData("1/3", """{"status":"success","data":{"resultType":"scalar","result":[1.5,"0.3333333333333333"]}}""")]
    [InlineData("1e21", """{"status":"success","data":{"resultType":"scalar","result":[1.5,"1000000000000000000000"]}}""")]
    [InlineData("\"str\"", """{"status":"success","data":{"resultType":"string","result":[1.5,"str"]}}""")]
    [InlineData("vector(1e21)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"1e+21"]}]}}""")]
    [InlineData("vector(1e20)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"100000000000000000000"]}]}}""")]
    [InlineData("vector(1e-7)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"1e-07"]}]}}""")]
    [InlineData("vector(-0.0000015)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"-0.0000015"]}]}}""")]
    [InlineData("vector(NaN)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"NaN"]}]}}""")]
    [InlineData("vector(-Inf)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"-Inf"]}]}}""")]
    [InlineData("vector(Inf)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"+Inf"]}]}}""")]
    [InlineData("vector(-0)", """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1.500,"-0"]}]}}""")]
    [InlineData("vector(1)[2m:1m]", """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[-60,"1"],[0,"1"]]}]}}""")]
    public async Task Values_and_times_are_written_as_prometheus_writes_them(string query, string expected)
    {
        var (status, body) = await fixture.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(query)}&time=1.5");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body);
    }

    [Fact]
    public async Task Label_values_are_escaped_as_json_and_kept_as_utf8()
    {
        var (_, body) = await fixture.GetAsync($"/api/v1/query?query=odd_labels&time={S(1)}");

        Assert.Contains("\"path\":\"/a<b>&\\\"c\\\" ☕\"", body, StringComparison.Ordinal);
        Assert.Equal("/a<b>&\"c\" ☕", PromApiFixture.Parse(body).GetProperty("data").GetProperty("result")[0].GetProperty("metric").GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_limit_truncates_and_warns()
    {
        var (status, body) = await fixture.GetAsync($"/api/v1/query?query=latency_ms&time={S(135)}&limit=1");

        Assert.Equal(HttpStatusCode.OK, status);
        var root = PromApiFixture.Parse(body);
        Assert.Single(root.GetProperty("data").GetProperty("result").EnumerateArray());
        Assert.Equal(["results truncated due to limit"], root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Theory]
    [InlineData("query?query=foo%7B", "invalid parameter \\\"query\\\": 1:5: parse error: unexpected end of input inside braces")]
    [InlineData("query?query=rate(x)", "invalid parameter \\\"query\\\": 1:6: parse error: expected type range vector in call to function \\\"rate\\\", got instant vector")]
    [InlineData("query?query=up&time=abc", "invalid parameter \\\"time\\\": Invalid time value for 'time': cannot parse \\\"abc\\\" to a valid timestamp")]
    [InlineData("query?query=up&time=2015-07-01%2020:10:51Z", "invalid parameter \\\"time\\\": Invalid time value for 'time': cannot parse \\\"2015-07-01 20:10:51Z\\\" to a valid timestamp")]
    [InlineData("query?query=up&timeout=1ns", "invalid parameter \\\"timeout\\\": cannot parse \\\"1ns\\\" to a valid duration")]
    [InlineData("query?query=up&limit=abc", "invalid parameter \\\"limit\\\": strconv.Atoi: parsing \\\"abc\\\": invalid syntax")]
    [InlineData("query?query=up&limit=-1", "invalid parameter \\\"limit\\\": limit must be non-negative")]
    [InlineData("query_range?query=up", "invalid parameter \\\"start\\\": cannot parse \\\"\\\" to a valid timestamp")]
    [InlineData("query_range?query=up&start=10", "invalid parameter \\\"end\\\": cannot parse \\\"\\\" to a valid timestamp")]
    [InlineData("query_range?query=up&start=10&end=5", "invalid parameter \\\"end\\\": end timestamp must not be before start time")]
    [InlineData("query_range?query=up&start=10&end=20", "invalid parameter \\\"step\\\": cannot parse \\\"\\\" to a valid duration")]
    [InlineData("query_range?query=up&start=10&end=20&step=0", "invalid parameter \\\"step\\\": zero or negative query resolution step widths are not accepted. Try a positive integer")]
    [InlineData("query_range?query=up&start=10&end=20&step=-1", "invalid parameter \\\"step\\\": zero or negative query resolution step widths are not accepted. Try a positive integer")]
    [InlineData("query_range?query=up&start=0&end=20000&step=1", "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")]
    [InlineData("query_range?query=up&start=10&end=20&step=abc", "invalid parameter \\\"step\\\": cannot parse \\\"abc\\\" to a valid duration")]
    [InlineData("query_range?query=up&start=10&end=20&step=1&timeout=abc", "invalid parameter \\\"timeout\\\": cannot parse \\\"abc\\\" to a valid duration")]
    [InlineData("query_range?query=foo%7B&start=10&end=20&step=1", "1:5: parse error: unexpected end of input inside braces")]
    [InlineData("query_range?query=up%5B5m%5D&start=10&end=20&step=1", "invalid expression type \\\"range vector\\\" for range query, must be Scalar or instant Vector")]
    [InlineData("format_query?query=sum(", "invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis")]
    [InlineData("parse_query?query=sum(", "invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis")]
    public async Task Bad_requests_are_400_bad_data_with_prometheus_texts(string pathAndQuery, string error)
    {
        var (status, body) = await fixture.GetAsync("/api/v1/" + pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($$$"""{"status":"error","errorType":"bad_data","error":"{{{error}}}"}""", body);
    }

    [Fact]
    public async Task A_timeout_that_already_passed_is_503()
    {
        var (status, body) = await fixture.GetAsync("/api/v1/query?query=up&timeout=0");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("""{"status":"error","errorType":"timeout","error":"query timed out in query execution"}""", body);
    }

    [Fact]
    public async Task Format_query_prettifies()
    {
        var (status, body) = await fixture.GetAsync("/api/v1/format_query?query=" + Uri.EscapeDataString("sum(rate(x[5m]))by(job)"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"success","data":"sum by (job) (rate(x[5m]))"}""", body);
    }

    /// <summary>The prettifier's golden case at Prometheus's 100-character limit (tests/PromQl.Tests PrinterTests), through the API.</summary>
    [Fact]
    public async Task Format_query_splits_a_long_query_as_the_prettifier_golden_case()
    {
        const string Query = "sum by (job, instance) (rate(http_requests_total{job=\"api-server\", code=~\"5..\", handler!=\"/health\"}[5m])) " +
            "/ sum by (job, instance) (rate(http_requests_total{job=\"api-server\"}[5m]))";
        const string Pretty = """
              sum by (job, instance) (
                rate(http_requests_total{code=~"5..",handler!="/health",job="api-server"}[5m])
              )
            /
              sum by (job, instance) (rate(http_requests_total{job="api-server"}[5m]))
            """;

        var (status, body) = await fixture.PostFormAsync("/api/v1/format_query", ("query", Query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Pretty, PromApiFixture.Parse(body).GetProperty("data").GetString());
    }

    [Fact]
    public async Task Parse_query_answers_prometheus_3s_tree()
    {
        var (status, body) = await fixture.PostFormAsync("/api/v1/parse_query", ("query", "sum by (job) (rate(x{a=~\"b.\"}[5m] offset 1m)) > bool on (job) group_left () -y @ end()"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"status":"success","data":{"bool":true,"lhs":{"expr":{"args":[{"matchers":[{"name":"a","type":"=~","value":"b."},{"name":"__name__","type":"=","value":"x"}],"name":"x","offset":60000,"range":300000,"startOrEnd":null,"timestamp":null,"type":"matrixSelector"}],"func":{"argTypes":["matrix"],"name":"rate","returnType":"vector","variadic":0},"type":"call"},"grouping":["job"],"op":"sum","param":null,"type":"aggregation","without":false},"matching":{"card":"many-to-one","include":[],"labels":["job"],"on":true},"op":">","rhs":{"expr":{"matchers":[{"name":"__name__","type":"=","value":"y"}],"name":"y","offset":0,"startOrEnd":"end","timestamp":null,"type":"vectorSelector"},"op":"-","type":"unaryExpr"},"type":"binaryExpr"}}""",
            body);
    }

    [Fact]
    public async Task Parse_query_writes_literals_subqueries_and_parentheses()
    {
        var (status, body) = await fixture.GetAsync("/api/v1/parse_query?query=" + Uri.EscapeDataString("label_join((max_over_time(up[1h:30s] @ 100)), \"a\", \",\") * 1e21"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            """{"status":"success","data":{"bool":false,"lhs":{"args":[{"expr":{"args":[{"expr":{"matchers":[{"name":"__name__","type":"=","value":"up"}],"name":"up","offset":0,"startOrEnd":null,"timestamp":null,"type":"vectorSelector"},"offset":0,"range":3600000,"startOrEnd":null,"step":30000,"timestamp":100000,"type":"subquery"}],"func":{"argTypes":["matrix"],"name":"max_over_time","returnType":"vector","variadic":0},"type":"call"},"type":"parenExpr"},{"type":"stringLiteral","val":"a"},{"type":"stringLiteral","val":","}],"func":{"argTypes":["vector","string","string","string"],"name":"label_join","returnType":"vector","variadic":-1},"type":"call"},"matching":null,"op":"*","rhs":{"type":"numberLiteral","val":"1000000000000000000000"},"type":"binaryExpr"}}""",
            body);
    }

    [Fact]
    public async Task Reading_needs_metrics_read()
    {
        using var writer = fixture.Factory.CreateClient().WithToken(Permissions.MetricsWrite);

        using var response = await writer.GetAsync("/api/v1/query?query=up", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
