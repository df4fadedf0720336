using System.Diagnostics;
using AirisEpm.LogService.LogQl.Syntax;
using CsCheck;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>
/// Whatever text arrives, the parser answers a tree or a <see cref="LogQlParseException"/>, never another
/// exception, and quickly: random token soups, random characters, and valid queries with characters
/// replaced, inserted or deleted. Every tree it does answer prints to text that parses to the same print.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly string[] Valid =
    [
        "{service=\"api\", env=~\"prod|stg\"} |= \"error\" | json | status >= 500 | line_format \"{{.msg}}\"",
        "sum by (level, detected_level) (count_over_time({service_name=\"api\"} | drop __error__[1m]))",
        "topk(5, sum by (path) (rate({a=\"b\"} | logfmt | latency > 250ms or size < 2kb [5m] offset 1h)))",
        "vector(1)+vector(1) * 2 ^ 3 > bool 4",
        "bytes_rate(({a!~\"x.*\", b=\"c\"} != \"y\" |~ `(?i)z`)[1m]) / 1e3",
        "{a=\"b\"} |> \"<_> level=<_> msg=<_>\" !> `<_>debug<_>` | pattern \"<ip> - <_> [<ts>]\" | regexp `(?P<code>\\d{3})` | unpack | decolorize",
        "{a=\"b\"} | logfmt | label_format who=user, msg=\"{{ .level | ToUpper }} {{ if eq .x \\\"1\\\" }}one{{ else }}{{ .y | default \\\"-\\\" }}{{ end }}\" | line_format `{{ __line__ | trunc 5 }} {{ __timestamp__ | date \"15:04\" }}`",
        "quantile_over_time(0.99, {a=\"b\"} | json | unwrap duration(latency) | __error__=\"\" [5m] offset 1m) by (path) > bool 0.5",
        "sum by (pod) (rate_counter({a=\"b\"}[1m] | logfmt | unwrap bytes(size))) / on (pod) group_left (node) max by (pod, node) (absent_over_time({a=\"b\"}[1m]))",
        "sort_desc(label_replace(stddev(rate({a=\"b\"}[1m])) or vector(1) unless count(rate({c=\"d\"}[1m])), \"dst\", \"$1\", \"src\", \"(.*)\"))",
    ];

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ",", "|", "|=", "!=", "|~", "!~", "|>", "=", "=~", "==", ">", ">=", "<", "+", "-", "*", "/", "^", "%",
        "\"x\"", "`y`", "\"", "`", "a", "json", "logfmt", "line_format", "drop", "keep", "unwrap", "by", "without", "and", "or", "bool", "on", "offset",
        "sum", "topk", "count_over_time", "rate", "bytes_rate", "vector", "5", "1.5", "5m", "20kb", "--strict", "#", "\n", " ", "\\", "{{.a}}",
        "!>", "pattern", "regexp", "unpack", "decolorize", "label_format", "\"<_>\"", "\"<a> <b>\"", "\"(?P<x>.)\"", "\"{{ .a | ToUpper }}\"", "\"{{ if .a }}\"",
        "duration", "bytes", "duration_seconds", "sum_over_time", "quantile_over_time", "rate_counter", "absent_over_time", "avg_over_time",
        "ignoring", "group_left", "group_right", "unless", "label_replace", "sort", "sort_desc", "stddev", "0.99",
    ];

    [Fact]
    public void The_seeds_are_valid_queries()
    {
        Assert.All(Valid, query => Assert.NotNull(LogQlParser.Parse(query)));
    }

    [Fact]
    public void Token_soups_only_ever_give_parse_errors()
    {
        Gen.OneOf(Fragments).Array[0, 40].Select(parts => string.Join(" ", parts)).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Random_text_only_ever_gives_parse_errors()
    {
        Gen.String.Sample(Check, iter: 20_000);
        Gen.Char["{}()[]|=!~\"`<>+-*/^%,.#\\ azAZ09_\n"].Array[0, 80].Select(c => new string(c)).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Mutated_valid_queries_only_ever_give_parse_errors()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1_000], Gen.Char["{}()[]|=!~\"`<>,. aZ0"], (kind, position, c) => (Kind: kind, Position: position, Char: c));
        Gen.Select(Gen.OneOf(Valid), edit.Array[1, 6]).Select(pair =>
        {
            var text = new System.Text.StringBuilder(pair.Item1);
            foreach (var (kind, position, c) in pair.Item2)
            {
                var at = text.Length == 0 ? 0 : position % text.Length;
                if (kind == 0 && text.Length > 0) text.Remove(at, 1);
                else if (kind == 1) text.Insert(at, c);
                else if (text.Length > 0) text[at] = c;
            }

            return text.ToString();
        }).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Long_and_deep_inputs_parse_quickly_or_fail_cleanly()
    {
        var clock = Stopwatch.StartNew();
        Check(string.Join(" + ", Enumerable.Repeat("vector(1)", 5_000)));
        Check(string.Join(" ^ ", Enumerable.Repeat("2", 5_000)));
        Check("{a=\"b\"}" + string.Concat(Enumerable.Repeat(" |= \"x\"", 5_000)));
        Check(new string('(', 50_000));
        Check("{a=\"" + new string('a', 60_000) + "\"}");
        Check("{a=~\"" + string.Concat(Enumerable.Repeat("(a|b)*", 600)) + "\"}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    private static void Check(string query)
    {
        try
        {
            var printed = LogQlPrinter.Print(LogQlParser.Parse(query));
            Assert.Equal(printed, LogQlPrinter.Print(LogQlParser.Parse(printed)));
        }
        catch (LogQlParseException)
        {
        }
    }
}
