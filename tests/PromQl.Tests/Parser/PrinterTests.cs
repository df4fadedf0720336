using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// <c>Expr.ToString()</c> is Prometheus's canonical form (its nodes' <c>String()</c>, what rule evaluation and
/// format_query print), and <see cref="Prettifier"/> its <c>Prettify</c>.
/// </summary>
public sealed class PrinterTests
{
    [Theory]
    [InlineData("sum by() (task:errors:rate10s{job=\"s\"})", "sum(task:errors:rate10s{job=\"s\"})")]
    [InlineData("sum by(code) (task:errors:rate10s{job=\"s\"})", "sum by (code) (task:errors:rate10s{job=\"s\"})")]
    [InlineData("sum without() (x)", "sum without () (x)")]
    [InlineData("sum(x) by (job)", "sum by (job) (x)")]
    [InlineData("SUM BY (A) (X)", "sum by (A) (X)")]
    [InlineData("sum by(\"foo.bar\") (x)", "sum by (\"foo.bar\") (x)")]
    [InlineData("sum by (a:b) (x)", "sum by (\"a:b\") (x)")]
    [InlineData("topk(3, x) by (job)", "topk by (job) (3, x)")]
    [InlineData("count_values(\"a\\\"b\", x)", "count_values(\"a\\\"b\", x)")]
    [InlineData("sum by (job) (rate(http_requests_total{code=\"500\"}[5m] offset 1m))", "sum by (job) (rate(http_requests_total{code=\"500\"}[5m] offset 1m))")]
    public void Aggregations(string query, string printed) => Assert.Equal(printed, PromQlParser.ParseExpr(query).ToString());

    [Theory]
    [InlineData("a + on(x) group_left(y) b", "a + on (x) group_left (y) b")]
    [InlineData("a - on() c", "a - on () c")]
    [InlineData("a - on(b) group_left(x, y) c", "a - on (b) group_left (x, y) c")]
    [InlineData("a - on(b) group_left c", "a - on (b) group_left () c")]
    [InlineData("a - on(b) group_left() (c)", "a - on (b) group_left () (c)")]
    [InlineData("a - ignoring(b) group_right c", "a - ignoring (b) group_right () c")]
    [InlineData("a - ignoring() c", "a - c")]
    [InlineData("a - ignoring() group_left(__name__) c", "a - ignoring () group_left (__name__) c")]
    [InlineData("a * on(\"a.b\") group_left(\"c.d\") b", "a * on (\"a.b\") group_left (\"c.d\") b")]
    [InlineData("up > bool 0", "up > bool 0")]
    [InlineData("a AND b", "a and b")]
    [InlineData("a or on(x) b", "a or on (x) b")]
    [InlineData("time() + on() a", "time() + a")]
    [InlineData("a   +\n\tb", "a + b")]
    [InlineData("-2^2", "-2 ^ 2")]
    [InlineData("- (1)", "-(1)")]
    [InlineData("x atan2 y", "x atan2 y")]
    public void Binary_and_unary_operations(string query, string printed) => Assert.Equal(printed, PromQlParser.ParseExpr(query).ToString());

    [Theory]
    [InlineData("foo{b=\"1\",a=\"2\"}", "foo{a=\"2\",b=\"1\"}")]
    [InlineData("{__name__=\"a\"}", "{__name__=\"a\"}")]
    [InlineData("{__name__=\"\",a=\"x\"}", "{__name__=\"\",a=\"x\"}")]
    [InlineData("{\"my.metric\", \"a.b\"=\"c\"}", "{\"a.b\"=\"c\",__name__=\"my.metric\"}")]
    [InlineData("{\"0\"=\"1\"}", "{\"0\"=\"1\"}")]
    [InlineData("{\"_0\"=\"1\"}", "{_0=\"1\"}")]
    [InlineData("{``=\"0\"}", "{\"\"=\"0\"}")]
    [InlineData("a{b!~\"c\"}[1m]", "a{b!~\"c\"}[1m]")]
    [InlineData("a{c=\"d\"}[5m] offset 1m", "a{c=\"d\"}[5m] offset 1m")]
    [InlineData("a[12m] offset -3m", "a[12m] offset -3m")]
    [InlineData("a @ 10", "a @ 10.000")]
    [InlineData("a[1m] @ 1.5", "a[1m] @ 1.500")]
    [InlineData("a offset 1h @ end()", "a @ end() offset 1h")]
    [InlineData("a[1h:5m] offset 1m", "a[1h:5m] offset 1m")]
    [InlineData("x[1h:] @ 100 offset 1h", "x[1h:] @ 100.000 offset 1h")]
    [InlineData("rate(x[5m])[30m:1m]", "rate(x[5m])[30m:1m]")]
    [InlineData("foo[90]", "foo[1m30s]")]
    [InlineData("foo offset 5", "foo offset 5s")]
    [InlineData("foo[90d]", "foo[90d]")]
    [InlineData("foo[14d]", "foo[2w]")]
    [InlineData("foo[365d]", "foo[1y]")]
    [InlineData("foo # comment", "foo")]
    public void Selectors_and_modifiers(string query, string printed) => Assert.Equal(printed, PromQlParser.ParseExpr(query).ToString());

    [Theory]
    [InlineData("1048576", "1048576")]
    [InlineData("1e6", "1000000")]
    [InlineData("1e21", "1000000000000000000000")]
    [InlineData("1e-7", "0.0000001")]
    [InlineData("1.5e3", "1500")]
    [InlineData("0.1", "0.1")]
    [InlineData("0x1F", "31")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("Inf", "+Inf")]
    [InlineData("-inf", "-Inf")]
    [InlineData("nan", "NaN")]
    [InlineData("Inf + 1", "+Inf + 1")]
    [InlineData("Inf ^ 2", "Inf ^ 2")]
    [InlineData("5m", "5m")]
    [InlineData("-5m", "-5m")]
    [InlineData("90s", "1m30s")]
    [InlineData("'single'", "\"single\"")]
    [InlineData("\"a\\tb\"", "\"a\\tb\"")]
    [InlineData("`a\\b`", "\"a\\\\b\"")]
    [InlineData("\"\\u00e9\"", "\"é\"")]
    [InlineData("\"\\x01\\u200b\"", "\"\\x01\\u200b\"")]
    public void Literals(string query, string printed) => Assert.Equal(printed, PromQlParser.ParseExpr(query).ToString());

    [Fact]
    public void A_short_query_stays_on_one_line_when_prettified()
    {
        const string Query = "sum by (job) (rate(http_requests_total{code=\"500\"}[5m]))";

        Assert.Equal(Query, Prettifier.Pretty(PromQlParser.ParseExpr(Query)));
    }

    [Fact]
    public void A_long_query_splits_where_a_node_exceeds_100_characters()
    {
        var expr = PromQlParser.ParseExpr(
            "sum by (job, instance) (rate(http_requests_total{job=\"api-server\", code=~\"5..\", handler!=\"/health\"}[5m])) " +
            "/ sum by (job, instance) (rate(http_requests_total{job=\"api-server\"}[5m]))");

        Assert.Equal(
            """
              sum by (job, instance) (
                rate(http_requests_total{code=~"5..",handler!="/health",job="api-server"}[5m])
              )
            /
              sum by (job, instance) (rate(http_requests_total{job="api-server"}[5m]))
            """,
            Prettifier.Pretty(expr));
    }

    [Fact]
    public void Calls_put_each_argument_on_its_own_line()
    {
        var expr = PromQlParser.ParseExpr("histogram_quantile(0.9, rate(foo[1m]))");

        Assert.Equal(
            """
            histogram_quantile(
              0.9,
              rate(
                foo[1m]
              )
            )
            """,
            Prettifier.Pretty(expr, maxLineLength: 10));
    }

    [Fact]
    public void Parameters_grouping_parentheses_and_unary_signs_are_laid_out_as_prometheus_does()
    {
        var expr = PromQlParser.ParseExpr("-topk(10, sum by (a) (x)) and on (a) (y)");

        Assert.Equal(
            """
              -topk(
                10,
                sum by (a) (x)
              )
            and on (a)
              (y)
            """,
            Prettifier.Pretty(expr, maxLineLength: 20));
    }

    [Fact]
    public void A_subquery_that_fits_is_printed_whole_and_one_that_does_not_keeps_its_suffix_after_the_split()
    {
        var expr = PromQlParser.ParseExpr("max_over_time(rate(demo_api_request_duration_seconds_count[1m])[1m:] @ start() offset 1m)");

        Assert.Equal(
            """
            max_over_time(
              rate(
                demo_api_request_duration_seconds_count[1m]
              )[1m:] @ start() offset 1m
            )
            """,
            Prettifier.Pretty(expr, maxLineLength: 10));
    }
}
