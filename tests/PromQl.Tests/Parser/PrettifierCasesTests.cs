using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// What <c>/api/v1/format_query</c> answers: Prometheus's prettier splits every node printed longer than the line
/// limit. These are outputs Prometheus's own prettier tests (promql/parser/prettier_test.go) expect at a 10-character limit.
/// </summary>
public sealed class PrettifierCasesTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "sum(foo)", "sum(foo)" },
        { "sum by() (task:errors:rate10s{job=\"s\"})", "sum(\n  task:errors:rate10s{job=\"s\"}\n)" },
        { "sum(task:errors:rate10s{job=\"s\"}) without(job,foo)", "sum without (job, foo) (\n  task:errors:rate10s{job=\"s\"}\n)" },
        { "topk(10, ask:errors:rate10s{job=\"s\"})", "topk(\n  10,\n  ask:errors:rate10s{job=\"s\"}\n)" },
        { "a == bool 1", "  a\n== bool\n  1" },
        { "foo_1 + foo_2 + foo_3", "    foo_1\n  +\n    foo_2\n+\n  foo_3" },
        { "foo + baar + foo_3", "  foo + baar\n+\n  foo_3" },
        {
            "foo_1 + ignoring(foo) foo_2 + ignoring(job) group_left foo_3 + on(instance) group_right foo_4",
            "      foo_1\n    + ignoring (foo)\n      foo_2\n  + ignoring (job) group_left ()\n    foo_3\n+ on (instance) group_right ()\n  foo_4"
        },
        { "rate(long_vector_selector[10m:1m] @ start() offset 1m)", "rate(\n  long_vector_selector[10m:1m] @ start() offset 1m\n)" },
        {
            "max_over_time(rate(demo_api_request_duration_seconds_count[1m])[1m:] @ start() offset 1m)",
            "max_over_time(\n  rate(\n    demo_api_request_duration_seconds_count[1m]\n  )[1m:] @ start() offset 1m\n)"
        },
        {
            "label_replace(up{job=\"api-server\",service=\"a:c\"}, \"foo\", \"$1\", \"service\", \"(.*):.*\")",
            "label_replace(\n  up{job=\"api-server\",service=\"a:c\"},\n  \"foo\",\n  \"$1\",\n  \"service\",\n  \"(.*):.*\"\n)"
        },
        { "((_foo_long_))", "(\n  (\n    _foo_long_\n  )\n)" },
        { "-histogram_quantile(0.9, -rate(foo[1m] @ start()))", "-histogram_quantile(\n  0.9,\n  -rate(\n    foo[1m] @ start()\n  )\n)" },
        { "(-vector_selector)", "(\n  -vector_selector\n)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_long_node_is_split_as_prometheus_splits_it(string query, string pretty) =>
        Assert.Equal(pretty, Prettifier.Pretty(PromQlParser.ParseExpr(query), maxLineLength: 10));
}
