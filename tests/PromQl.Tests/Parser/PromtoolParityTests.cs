using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// Side by side with Prometheus's own parser: the installed promtool (Debian's Prometheus 2.42) checks a rules file
/// holding these queries, and for each one it must accept what this parser accepts and reject the rest with the very
/// same message. The queries are those whose answer Prometheus 3 did not change (3.x rewords the offset and bracket
/// errors, allows numbers as durations and quoted UTF-8 names; <see cref="ParseErrorTests"/> holds those).
/// </summary>
public sealed partial class PromtoolParityTests
{
    private const string Promtool = "/usr/bin/promtool";

    private static readonly string[] Queries =
    [
        "1 +",
        "1 /",
        "*1",
        "*test",
        "-=",
        "++-++-+-+-<",
        "e-+=/(0)",
        ".",
        "0deadbeef",
        "(1))",
        "((1)",
        "(",
        ")",
        "1 and 1",
        "1 == 1",
        "1 or 1",
        "1 unless 1",
        "1 !~ 1",
        "1 =~ 1",
        "-\"string\"",
        "-test[5m]",
        "1 offset 1d",
        "foo offset 1s offset 2s",
        "a - on(b) ignoring(c) d",
        "foo and 1",
        "1 and foo",
        "foo or 1",
        "1 unless foo",
        "1 or on(bar) foo",
        "foo == on(bar) 10",
        "foo + group_left(baz) bar",
        "foo and on(bar) group_left(baz) bar",
        "foo or on(bar) group_right(baz) bar",
        "foo unless on(bar) group_left(baz) bar",
        "http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count{type=\"smp\"}",
        "foo + bool bar",
        "foo + bool 10",
        "foo and bool 10",
        "foo @ +Inf",
        "foo @ -Inf",
        "foo @ NaN",
        "{",
        "}",
        "some{",
        "some}",
        "some_metric{a=b}",
        "some_metric{a:b=\"b\"}",
        "foo{a*\"b\"}",
        "foo{a>=\"b\"}",
        "foo{gibberish}",
        "foo{1}",
        "{}",
        "{x=\"\"}",
        "{x=~\".*\"}",
        "{x!~\".+\"}",
        "{x!=\"a\"}",
        "foo{__name__=\"bar\"}",
        "foo{__name__= =}",
        "foo{,}",
        "foo{__name__ == \"bar\"}",
        "foo{__name__=\"bar\" lol}",
        "foo[5m1h]",
        "foo[5m1m]",
        "some_metric[5m] OFFSET 1mm",
        "some_metric OFFSET 1m[5m]",
        "some_metric[5m] @",
        "some_metric @ 1234 [5m]",
        "(foo + bar)[5m]",
        "sum by (\"foo)(some_metric{})",
        "sum without(==)(some_metric)",
        "sum without(,)(some_metric)",
        "sum without(foo,,)(some_metric)",
        "sum some_metric by (test)",
        "sum (some_metric) by test",
        "sum () by (test)",
        "MIN keep_common (some_metric)",
        "MIN (some_metric) keep_common",
        "sum (some_metric) without (test) by (test)",
        "sum without (test) (some_metric) by (test)",
        "topk(some_metric)",
        "topk(some_metric,)",
        "topk(some_metric, other_metric)",
        "count_values(5, other_metric)",
        "rate(some_metric[5m]) @ 1234",
        "floor()",
        "floor(some_metric, other_metric)",
        "floor(some_metric, 1)",
        "floor(1)",
        "hour(some_metric, some_metric, some_metric)",
        "time(some_metric)",
        "non_existent_function_far_bar()",
        "rate(some_metric)",
        "a>b()",
        "rate(avg)",
        "`\\``",
        "\"\\",
        "\"\\c\"",
        "\"\\x.\"",
        "\"\\u12\"",
        "\"\\U0010ffff\"",
        "\"\\U00110000\"",
        "\"\\ud800\"",
        "\"\\400\"",
        "\"\\1\"",
        "'\\''",
        "\"\\'\"",
        "test[5d] OFFSET 10s [10m:5s]",
        "(foo + bar{nm=\"val\"})[5m:][10m:5s]",
        "rate(food[1m])[1h] offset 1h",
        "rate(food[1m])[1h] @ 100",
        "start()",
        "end()",
        "sum(foo bar)",
        "rate(foo bar)",
        "rate(sum(x) y)",
        "foo @ x",
        "foo{a}",
        "foo{a=\"b\" c}",
        "sum by (a b) (x)",
        "sum by a (x)",
        "foo + on(a b) bar",
        "foo + on a bar",
        "foo + on(a) group_left(b c) bar",
        "foo ==",
        "-",
        "sum(",
        "rate(x,)",
        "foo bar",
        "1 2",
        "\"a\" \"b\"",
        "foo[5m]]",
        "foo]",
        "foo{a=",
        "foo{a=\"b\",",
        "foo + on(a) group_left *",
        "foo + on(a) group_left (",
        "sum(rate(foo[5m] bar))",
        "sum by (a) x",
        "sum by (a) (*)",
        "sum(x) by",
        "rate(x, *)",
        "rate(x,,)",
        "sum(foo + *)",
        "count_values(",
        "foo{a=\"b\"} offset )",
        "foo @ start x",
        "foo @ -x",
        "foo @ start(",
        "sum(foo{a=b})",
        "sum by (a) by (b) (x)",
        "sum (x) (y)",
        "sum (x) offset 5m",
        "foo{a=\"b\" \"c\"}",
        "label_replace(x, \"a\", \"b\", \"c\")",
        "label_join(x)",
        "clamp(x, 1)",
        "round()",
        "round(x, 1, 2)",
        "vector(x)",
        "scalar(1)",
        "histogram_quantile(x, y)",
        "quantile_over_time(0.5, x)",
        "predict_linear(x[5m], \"a\")",
        "absent(x[5m])",
        "abs(\"a\")",
        "sum(\"a\")",
        "quantile(\"a\", x)",
        "count_values(x, y)",
        "topk(1, 2)",
        "avg(x[5m])",
        "sum(x, y)",
        "foo and on(a) group_left(a) bar",
        "foo + on(a) group_left(a) bar",
        "foo + ignoring(a) group_left(a) bar",
        "\"a\" == \"b\"",
        "1 + \"a\"",
        "foo[5m] * 2",
        "-(foo[5m])",
        "(foo[5m])[5m:]",
        "foo offset 5m offset 5m",
        "foo @ 1 @ 2",
        "foo @ start() @ end()",
        "(foo) offset 5m",
        "(foo) @ 5",
        "sum(x) @ 5",
        "1 @ 5",
        "\"a\" offset 5m",
        "foo offset 5m[5m]",
        "foo @ 5[5m]",
        "foo[5m][5m]",
        "foo[5m:][5m]",
        "foo[5m:1m][5m]",
        "sum(x) by (a) without (b)",
        "sum by (a) (x) without (b)",
        "sum(x,)",
        "foo # comment",
        "# only a comment",
        "sum(x) by (a) offset 5m",
        "sum by(a,) (x)",
        "count(x) by ()",
        "foo{a=~\"\\\\d+\"}",
        "foo{a!~\"x\", b!=\"y\"}",
        "foo{a=\"b\",}",
        "{a=\"b\"}",
        "{__name__=~\"foo.*\"}",
        "foo1:bar_baz",
        ":foo",
        "foo:",
        "a:b:c{d=\"e\"}",
        "topk(3, x) by (job)",
        "bottomk by (job) (3, x)",
        "quantile without (a) (0.5, x)",
        "count_values by (a) (\"v\", x)",
        "group(x)",
        "stddev(x)",
        "stdvar(x)",
        "max by (a) (x)",
        "min(x) without (a)",
        "avg(x)",
        "x > bool 1",
        "x == bool y",
        "1 > bool 2",
        "x and y or z unless w",
        "x + y * z ^ 2 ^ 3 - 1 / 2 % 3 atan2 4",
        "x atan2 y",
        "- x ^ 2",
        "-1 ^ 2",
        "2 ^ -1",
        "x offset -5m",
        "x @ 1609746000",
        "x @ 1609746000.123",
        "x @ -100",
        "x @ end()",
        "x[5m] @ start() offset 10m",
        "x[1h:5m] @ 100 offset 1h",
        "x[1h:] offset 1h",
        "rate(x[5m:1m])",
        "min_over_time(rate(x[5m])[30m:1m])",    ];

    [Fact]
    public async Task Accepts_and_rejects_as_promtool_does_with_its_messages()
    {
        if (!File.Exists(Promtool))
        {
            Assert.Skip($"{Promtool} is not installed (apt-get install -y prometheus; .ci/run installs it); nothing to compare with.");
        }

        var promtool = await CheckWithPromtool(Queries);
        var differences = new List<string>();
        for (var i = 0; i < Queries.Length; i++)
        {
            var ours = Ours(Queries[i]);
            var theirs = promtool.GetValueOrDefault(i + 1);
            if (ours != theirs)
            {
                differences.Add($"{Queries[i]}\n  promtool: {theirs ?? "accepted"}\n  ours:     {ours ?? "accepted"}");
            }
        }

        Assert.True(promtool.Count > Queries.Length / 2, "promtool reported too few errors; is its output format different?");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static string? Ours(string query)
    {
        try
        {
            PromQlParser.ParseExpr(query);
            return null;
        }
        catch (ParseException error)
        {
            return error.Message;
        }
    }

    /// <summary>Rule number (1-based) to promtool's parse error, for every rule it rejects.</summary>
    private static async Task<Dictionary<int, string>> CheckWithPromtool(IReadOnlyList<string> queries)
    {
        var file = Path.Combine(Path.GetTempPath(), $"promql-parity-{Guid.NewGuid():N}.yml");
        var rules = queries.Select((query, i) => $"  - record: r{i + 1}\n    expr: {JsonSerializer.Serialize(query)}\n");
        await File.WriteAllTextAsync(file, "groups:\n- name: parity\n  rules:\n" + string.Concat(rules), TestContext.Current.CancellationToken);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Promtool, ["check", "rules", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return RuleError().Matches(await output + await errors)
                .ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"rule (\d+), ""r\d+"": could not parse expression: (.*)$", RegexOptions.Multiline)]
    private static partial Regex RuleError();
}
