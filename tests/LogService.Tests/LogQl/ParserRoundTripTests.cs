using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>Valid queries parse, print in the canonical form, and the canonical form parses to a tree that prints the same.</summary>
public sealed class ParserRoundTripTests
{
    public static TheoryData<string, string> Queries => new()
    {
        { "{service=\"api\"}", "{service=\"api\"}" },
        { "{ app = \"foo\" , env =~ \"prod|stg\", host != \"h1\", pod !~ `web-.*` }", "{app=\"foo\", env=~\"prod|stg\", host!=\"h1\", pod!~\"web-.*\"}" },
        { "{app=\"foo\"} |= \"error\" != \"timeout\" |~ `5\\d\\d` !~ \"(?i)debug\"", "{app=\"foo\"} |= \"error\" != \"timeout\" |~ \"5\\\\d\\\\d\" !~ \"(?i)debug\"" },
        { "{app=\"foo\"} |= \"\"", "{app=\"foo\"} |= \"\"" },
        { "{a=\"b\"} |= \"tab\\there \\\"q\\\"\"", "{a=\"b\"} |= \"tab\\there \\\"q\\\"\"" },
        { "{app=\"foo\"} | json | status >= 500", "{app=\"foo\"} | json | status>=500" },
        { "{app=\"foo\"} | json | status = 200 | status == 201 | status != 0", "{app=\"foo\"} | json | status==200 | status==201 | status!=0" },
        { "{app=\"foo\"} | logfmt | level=\"error\" and duration > 1.5s", "{app=\"foo\"} | logfmt | level=\"error\" and duration>1s500ms" },
        { "{app=\"foo\"} | json | status >= 400 or status == 0 , method=\"GET\"", "{app=\"foo\"} | json | status>=400 or status==0 and method=\"GET\"" },
        { "{app=\"foo\"} | json | (status >= 400 or status == 0) method=\"GET\"", "{app=\"foo\"} | json | (status>=400 or status==0) and method=\"GET\"" },
        { "{app=\"foo\"} | json | a=\"1\" and (b=\"2\" and c=\"3\")", "{app=\"foo\"} | json | a=\"1\" and (b=\"2\" and c=\"3\")" },
        { "{app=\"foo\"} | json | size > 20kb | latency <= 250ms | x > -1.5", "{app=\"foo\"} | json | size>20000B | latency<=250ms | x>-1.5" },
        { "{app=\"foo\"} | line_format \"{{.msg}}\"", "{app=\"foo\"} | line_format \"{{.msg}}\"" },
        { "{app=\"foo\"} | logfmt | level=~\"err.*\" | line_format `{{ .level }}: {{__line__}}`", "{app=\"foo\"} | logfmt | level=~\"err.*\" | line_format \"{{ .level }}: {{__line__}}\"" },
        { "{app=\"foo\"} | drop __error__, __error_details__", "{app=\"foo\"} | drop __error__, __error_details__" },
        { "{app=\"foo\"} | keep service_name, level=\"error\"", "{app=\"foo\"} | keep service_name, level=\"error\"" },
        { "{app=\"foo\"} # a comment\n |= \"x\"", "{app=\"foo\"} |= \"x\"" },
        { "({app=\"foo\"} |= \"x\")", "{app=\"foo\"} |= \"x\"" },
        { "count_over_time({app=\"foo\"}[5m])", "count_over_time({app=\"foo\"}[5m])" },
        { "count_over_time({app=\"foo\"}[90s])", "count_over_time({app=\"foo\"}[1m30s])" },
        { "rate({app=\"foo\"} |= \"x\" [1m] offset 1h)", "rate({app=\"foo\"} |= \"x\"[1m] offset 1h)" },
        { "bytes_rate(({app=\"foo\"} | json)[5m])", "bytes_rate({app=\"foo\"} | json[5m])" },
        { "bytes_over_time({app=\"foo\"}[1d] | json)", "bytes_over_time({app=\"foo\"} | json[1d])" },
        { "sum by (level, detected_level) (count_over_time({service_name=\"api\"} | drop __error__[1m]))", "sum by (level, detected_level) (count_over_time({service_name=\"api\"} | drop __error__[1m]))" },
        { "sum(count_over_time({a=\"b\"}[1m])) by (level)", "sum by (level) (count_over_time({a=\"b\"}[1m]))" },
        { "sum by () (count_over_time({a=\"b\"}[1m]))", "sum by () (count_over_time({a=\"b\"}[1m]))" },
        { "topk(5, sum by (path) (rate({a=\"b\"}[5m])))", "topk(5, sum by (path) (rate({a=\"b\"}[5m])))" },
        { "bottomk by (x) (3, rate({a=\"b\"}[5m]))", "bottomk by (x) (3, rate({a=\"b\"}[5m]))" },
        { "avg without (pod) (rate({a=\"b\"}[5m]))", "avg without (pod) (rate({a=\"b\"}[5m]))" },
        { "max(min(count(rate({a=\"b\"}[5m]))))", "max(min(count(rate({a=\"b\"}[5m]))))" },
        { "vector(1)+vector(1)", "vector(1) + vector(1)" },
        { "vector(-2.5)", "vector(-2.5)" },
        { "1 + 2 * 3", "1 + 2 * 3" },
        { "(1 + 2) * 3", "(1 + 2) * 3" },
        { "2 ^ 3 ^ 2", "2 ^ 3 ^ 2" },
        { "(2 ^ 3) ^ 2", "(2 ^ 3) ^ 2" },
        { "1 - (2 - 3)", "1 - (2 - 3)" },
        { "10 % 3 / 2", "10 % 3 / 2" },
        { "-1 + 2", "-1 + 2" },
        { "1 - -1", "1 - -1" },
        { "1e3", "1000" },
        { "sum(rate({a=\"b\"}[1m])) / sum(rate({a=\"b\"}[1m])) * 100", "sum(rate({a=\"b\"}[1m])) / sum(rate({a=\"b\"}[1m])) * 100" },
        { "rate({a=\"b\"}[1m]) > bool 10", "rate({a=\"b\"}[1m]) > bool 10" },
        { "count_over_time({a=\"b\"}[1m]) >= 10", "count_over_time({a=\"b\"}[1m]) >= 10" },
        { "1 == bool 1", "1 == bool 1" },
        { "{json=\"x\"} | json=\"y\"", "{json=\"x\"} | json=\"y\"" },
        { "{a=\"b\"} |> \"<_> x <_>\" !> `y`", "{a=\"b\"} |> \"<_> x <_>\" !> \"y\"" },
        { "{a=\"b\"} | regexp `(?P<x>\\d+) (?P<y>.)`", "{a=\"b\"} | regexp \"(?P<x>\\\\d+) (?P<y>.)\"" },
        { "{a=\"b\"} | pattern \"<ip> - <_> <m>\"", "{a=\"b\"} | pattern \"<ip> - <_> <m>\"" },
        { "{a=\"b\"} | unpack | decolorize", "{a=\"b\"} | unpack | decolorize" },
        { "{a=\"b\"} | label_format x=y , z=\"{{.a}}\"", "{a=\"b\"} | label_format x=y, z=\"{{.a}}\"" },
        { "{a=\"b\"} | line_format \"{{ .a | ToUpper }}{{ if eq .b \\\"1\\\" }}x{{ end }}\"", "{a=\"b\"} | line_format \"{{ .a | ToUpper }}{{ if eq .b \\\"1\\\" }}x{{ end }}\"" },
        { "{pattern=\"x\"} | pattern=\"y\" | regexp=~\"z\"", "{pattern=\"x\"} | pattern=\"y\" | regexp=~\"z\"" },
        { "quantile_over_time(0.99, {a=\"b\"} | json | unwrap duration(latency) | __error__=\"\" [5m] offset 1m) by (path)", "quantile_over_time(0.99, {a=\"b\"} | json | unwrap duration(latency) | __error__=\"\"[5m] offset 1m) by (path)" },
        { "sum_over_time({a=\"b\"}[5m] | logfmt | unwrap x | x > 1 y < 2)", "sum_over_time({a=\"b\"} | logfmt | unwrap x | x>1 and y<2[5m])" },
        { "rate(({a=\"b\"} | unwrap bytes(size))[1m])", "rate({a=\"b\"} | unwrap bytes(size)[1m])" },
        { "max_over_time({a=\"b\"} | unwrap duration_seconds(t) [1m]) without (pod)", "max_over_time({a=\"b\"} | unwrap duration_seconds(t)[1m]) without (pod)" },
        { "absent_over_time({a=\"b\"}[1m])", "absent_over_time({a=\"b\"}[1m])" },
        { "{unwrap=\"x\"} | unwrap=\"y\"", "{unwrap=\"x\"} | unwrap=\"y\"" },
        { "sum by (a) (rate({a=\"b\"}[1m])) / on(a) group_left(b) sum by (a, b) (rate({a=\"b\"}[1m]))", "sum by (a) (rate({a=\"b\"}[1m])) / on (a) group_left (b) sum by (a, b) (rate({a=\"b\"}[1m]))" },
        { "rate({a=\"b\"}[1m]) > bool ignoring (x) rate({a=\"b\"}[1m])", "rate({a=\"b\"}[1m]) > bool ignoring (x) rate({a=\"b\"}[1m])" },
        { "rate({a=\"b\"}[1m]) * on () group_right () rate({c=\"d\"}[1m])", "rate({a=\"b\"}[1m]) * on () group_right rate({c=\"d\"}[1m])" },
        { "rate({a=\"b\"}[1m]) and rate({c=\"d\"}[1m]) or rate({e=\"f\"}[1m]) unless rate({g=\"h\"}[1m])", "rate({a=\"b\"}[1m]) and rate({c=\"d\"}[1m]) or rate({e=\"f\"}[1m]) unless rate({g=\"h\"}[1m])" },
        { "(rate({a=\"b\"}[1m]) or rate({c=\"d\"}[1m])) and on (x) rate({e=\"f\"}[1m])", "(rate({a=\"b\"}[1m]) or rate({c=\"d\"}[1m])) and on (x) rate({e=\"f\"}[1m])" },
        { "rate({a=\"b\"}[1m]) > 1 and rate({a=\"b\"}[1m]) < 5", "rate({a=\"b\"}[1m]) > 1 and rate({a=\"b\"}[1m]) < 5" },
        { "label_replace(rate({a=\"b\"}[1m]), \"dst\", \"$1\", \"src\", \"(.*)\")", "label_replace(rate({a=\"b\"}[1m]), \"dst\", \"$1\", \"src\", \"(.*)\")" },
        { "sort_desc(sum by (a) (rate({a=\"b\"}[1m])))", "sort_desc(sum by (a) (rate({a=\"b\"}[1m])))" },
        { "stddev by (a) (rate({a=\"b\"}[1m])) + stdvar(rate({a=\"b\"}[1m]))", "stddev by (a) (rate({a=\"b\"}[1m])) + stdvar(rate({a=\"b\"}[1m]))" },
        { "1 > 2", "1 > 2" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Queries_print_canonically_and_reparse_to_the_same_tree(string query, string canonical)
    {
        var printed = LogQlPrinter.Print(LogQlParser.Parse(query));
        Assert.Equal(canonical, printed);
        Assert.Equal(printed, LogQlPrinter.Print(LogQlParser.Parse(printed)));
    }
}
