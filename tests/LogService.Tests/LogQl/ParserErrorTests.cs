using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>Invalid and unsupported queries give a parse error that says what is wrong, or which construct is not supported.</summary>
public sealed class ParserErrorTests
{
    public static TheoryData<string, string, bool> Invalid => new()
    {
        { "", "the query is empty", false },
        { "{}", "queries require at least one regexp or equality matcher that does not have an empty-compatible value", false },
        { "{a=~\".*\", b!=\"x\"}", "queries require at least one regexp or equality matcher", false },
        { "{a=\"b\"", "expected ',' or '}' after a label matcher", false },
        { "{a \"b\"}", "expected =, !=, =~ or !~ after label 'a'", false },
        { "{a=b}", "expected a quoted value for label 'a'", false },
        { "{a=\"b\"} |= ", "expected a quoted string after |=", false },
        { "{a=\"b\"} |", "expected a stage after '|'", false },
        { "{a=\"b\"} xyz", "col 9: unexpected 'xyz'", false },
        { "{a=~\"(\"}", "invalid regular expression \"(\"", false },
        { "{a=\"b\"} |~ \"(?<=x)y\"", "regular expression \"(?<=x)y\"", false },
        { "{a=\"b\"} | json | status > \"x\"", "'>' compares numbers, durations or sizes", false },
        { "{a=\"b\"} | json | status >", "expected a number, a duration, a size or a quoted string", false },
        { "{a=\"b\"}[5m]", "belongs inside a range aggregation", false },
        { "count_over_time({a=\"b\"})", "a range aggregation needs a range after its log selector", false },
        { "count_over_time({a=\"b\"}[5])", "a range is a positive duration such as [5m]", false },
        { "count_over_time({a=\"b\"}[0s])", "a range is a positive duration", false },
        { "count_over_time({a=\"b\"}[5m] offset x)", "offset takes a duration", false },
        { "count_over_time({a=\"b\"} | json [5m] | logfmt)", "a pipeline may stand before or after the range, not both", false },
        { "count_over_time({a=\"b\"}[5m]) by (x)", "grouping not allowed for count_over_time aggregation", false },
        { "count_over_time(5, {a=\"b\"}[5m])", "parameter 5 not supported for operation count_over_time", false },
        { "topk(rate({a=\"b\"}[1m]))", "topk takes a positive whole number first", false },
        { "topk(0, rate({a=\"b\"}[1m]))", "topk takes a positive whole number first", false },
        { "sum(5, rate({a=\"b\"}[1m]))", "sum takes no parameter", false },
        { "sum(1 + 1)", "sum aggregates a vector", false },
        { "sum by (a) (rate({a=\"b\"}[1m])) by (b)", "sum has two groupings", false },
        { "sum({a=\"b\"})", "a log query cannot be used here", false },
        { "{a=\"b\"} + 1", "a log query cannot be used here", false },
        { "1 + bool 2", "the bool modifier can only be used on comparison operators", false },
        { "- vector(1)", "'-' must be followed by a number", false },
        { "vector(x)", "vector takes a number", false },
        { "foo(1)", "unexpected 'foo'", false },
        { "(1 + 2", "expected ')'", false },
        { new string('(', 100) + "1" + new string(')', 100), "the query nests deeper than 64 levels", false },
        { "{a=\"b\"} | unwrap latency", "unwrap belongs inside a range aggregation", false },
        { "sum_over_time({a=\"b\"}[5m])", "invalid aggregation sum_over_time without unwrap", false },
        { "quantile_over_time(0.5, {a=\"b\"} | json [5m])", "invalid aggregation quantile_over_time without unwrap", false },
        { "count_over_time({a=\"b\"} | unwrap x [5m])", "invalid aggregation count_over_time with unwrap", false },
        { "bytes_rate({a=\"b\"} | unwrap x [5m])", "invalid aggregation bytes_rate with unwrap", false },
        { "sum_over_time({a=\"b\"} | unwrap x [5m]) by (y)", "grouping not allowed for sum_over_time aggregation", false },
        { "rate_counter({a=\"b\"} | unwrap x [5m]) without (y)", "grouping not allowed for rate_counter aggregation", false },
        { "quantile_over_time({a=\"b\"} | unwrap x [5m])", "parameter required for operation quantile_over_time", false },
        { "avg_over_time(0.5, {a=\"b\"} | unwrap x [5m])", "parameter 0.5 not supported for operation avg_over_time", false },
        { "sum_over_time({a=\"b\"} | unwrap x | json [5m])", "only label filters may follow unwrap", false },
        { "sum_over_time({a=\"b\"} | unwrap foo(x) [5m])", "unwrap converts with bytes(…), duration(…) or duration_seconds(…), not foo(…)", false },
        { "sum_over_time({a=\"b\"} | unwrap x [5m] | json)", "unwrap is the last stage of a log range", false },
        { "sum_over_time({a=\"b\"} | unwrap x | unwrap y [5m])", "a log range takes one unwrap", false },
        { "sum_over_time({a=\"b\"} | unwrap [5m])", "expected a label name after unwrap", false },
        { "sum_over_time({a=\"b\"} | unwrap bytes(x [5m])", "expected ')' to close bytes(…)", false },
        { "approx_topk(5, rate({a=\"b\"}[1m]))", "approx_topk is not supported", true },
        { "label_replace(rate({a=\"b\"}[1m]), \"x\", \"$1\", \"y\")", "expected ',' before the regex of label_replace", false },
        { "label_replace(rate({a=\"b\"}[1m]), \"x\", \"$1\", \"y\", \"(\")", "invalid regex in label_replace: \"(\" is not a valid regular expression", false },
        { "label_replace(1, \"x\", \"$1\", \"y\", \"(.*)\")", "label_replace takes a vector", false },
        { "label_replace(rate({a=\"b\"}[1m]), x, \"$1\", \"y\", \"(.*)\")", "expected the destination label as a quoted string", false },
        { "sort by (a) (rate({a=\"b\"}[1m]))", "sort and sort_desc doesn't allow grouping by labels", false },
        { "sort_desc(rate({a=\"b\"}[1m])) without (a)", "sort and sort_desc doesn't allow grouping by labels", false },
        { "{a=\"b\"} | regexp \"(.*)\"", "invalid regexp parser: at least one named capture must be supplied", false },
        { "{a=\"b\"} | regexp \"(?P<x>a)(?P<x>b)\"", "invalid regexp parser: duplicate extracted label name 'x'", false },
        { "{a=\"b\"} | regexp \"(?P<x>\"", "invalid regexp parser: invalid regular expression", false },
        { "{a=\"b\"} | regexp", "expected a quoted regular expression after regexp", false },
        { "{a=\"b\"} | pattern \"<_> x\"", "invalid pattern parser: at least one capture is required", false },
        { "{a=\"b\"} | pattern \"<a><b>\"", "invalid pattern parser: found consecutive capture '<a><b>': invalid expression", false },
        { "{a=\"b\"} | pattern \"<a> <a>\"", "invalid pattern parser: duplicate capture name (a): invalid expression", false },
        { "{a=\"b\"} | pattern \"\"", "invalid pattern parser: syntax error: unexpected $end", false },
        { "{a=\"b\"} | pattern", "expected a quoted pattern after pattern", false },
        { "{a=\"b\"} |> \"<x> y\"", "invalid pattern filter |>: named captures are not allowed: found '<x>'", false },
        { "{a=\"b\"} !> \"<_><_>\"", "invalid pattern filter !>: found consecutive capture '<_><_>'", false },
        { "{a=\"b\"} | label_format __error__=x", "__error__ cannot be formatted", false },
        { "{a=\"b\"} | label_format a=b, a=\"c\"", "multiple label name 'a' not allowed in a single format operation", false },
        { "{a=\"b\"} | label_format a", "expected '=' after 'a' in label_format", false },
        { "{a=\"b\"} | label_format a=1", "expected a label name or a quoted template after 'a=' in label_format", false },
        { "{a=\"b\"} | label_format a=\"{{ .b \"", "invalid template for label 'a': template: label:1:", false },
        { "{a=\"b\"} | line_format \"{{ foo }}\"", "invalid line template: template: line:1: function \"foo\" not defined", false },
        { "{a=\"b\"} | line_format \"{{ if .a }}x\"", "invalid line template: template: line:1: unexpected EOF", false },
        { "{a=\"b\"} | line_format", "expected a quoted template after line_format", false },
        { "{a=\"b\"} | json x=\"y\"", "json with extraction parameters is not supported", true },
        { "{a=\"b\"} | logfmt --strict", "logfmt flags (--strict, --keep-empty) are not supported", true },
        { "{a=\"b\"} |= ip(\"1.2.3.4\")", "ip() filters are not supported", true },
        { "{a=\"b\"} | addr = ip(\"1.2.3.4\")", "ip() label filters are not supported", true },
        { "{a=\"b\"} |= \"x\" or \"y\"", "'or' between line filters is not supported", true },
        { "rate({a=\"b\"}[1m]) and 1", "unexpected literal for right leg of logical/set binary operation (and): 1.000000", false },
        { "(1 + 1) or rate({a=\"b\"}[1m])", "unexpected literal for left leg of logical/set binary operation (or): 2.000000", false },
        { "rate({a=\"b\"}[1m]) and on (x) group_left rate({a=\"b\"}[1m])", "no grouping allowed for \"and\" operation", false },
        { "rate({a=\"b\"}[1m]) + group_left rate({a=\"b\"}[1m])", "group_left must follow on (…) or ignoring (…)", false },
        { "rate({a=\"b\"}[1m]) + on x rate({a=\"b\"}[1m])", "expected '(' after on", false },
        { "rate({a=\"b\"}[1m]) / ignoring (x group_left rate({a=\"b\"}[1m])", "expected ')' to close the label list", false },
        { "rate({a=\"b\"}[1m]) + bool on (x) rate({a=\"b\"}[1m])", "the bool modifier can only be used on comparison operators", false },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_queries_name_the_problem(string query, string message, bool unsupported)
    {
        var error = Assert.Throws<LogQlParseException>(() => LogQlParser.Parse(query));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("parse error at line ", error.Message, StringComparison.Ordinal);
        Assert.Equal(unsupported, error.Unsupported);
    }

    [Fact]
    public void Selectors_alone_are_parsed_for_the_label_endpoints()
    {
        Assert.Empty(LogQlParser.ParseSelector("{}", allowEmpty: true));
        Assert.Equal(2, LogQlParser.ParseSelector("{a=\"b\", c=~\"d.*\"}", allowEmpty: false).Count);
        Assert.Contains("only label matchers are supported", Assert.Throws<LogQlParseException>(() => LogQlParser.ParseSelector("{a=\"b\"} |= \"x\"", false)).Message, StringComparison.Ordinal);
        Assert.Contains("empty-compatible", Assert.Throws<LogQlParseException>(() => LogQlParser.ParseSelector("{}", false)).Message, StringComparison.Ordinal);
    }
}
