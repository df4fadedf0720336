using AirisEpm.AlertService.Domain.PrometheusRules;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>Rule templates render as Prometheus renders them (expected texts are Prometheus 2.42's / Go's outputs).</summary>
public sealed class PromTemplateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Theory]
    [InlineData("{{ $labels.instance }} at {{ $value }}", 0.8333333333333334, "web-1:9090 at 0.8333333333333334")]
    [InlineData("{{ $value }}", 1e6, "1e+06")]
    [InlineData("{{ $value | humanize }}", 1234567, "1.235M")]
    [InlineData("{{ $value | humanize }}", 0.000123, "123u")]
    [InlineData("{{ humanize 1234.5 }}", 0, "1.234k")]
    [InlineData("{{ $value | humanize1024 }}", 1048576, "1Mi")]
    [InlineData("{{ $value | humanizePercentage }}", 0.1234, "12.34%")]
    [InlineData("{{ humanizeDuration 3661 }} {{ humanizeDuration 0.5 }} {{ humanizeDuration 90000 }} {{ humanizeDuration 12.345 }}", 0, "1h 1m 1s 500ms 1d 1h 0m 0s 12.35s")]
    [InlineData("{{ printf \"%.2f\" 0.125 }} {{ printf \"%.1f\" 0.25 }} {{ printf \"%.0f\" 2.5 }}", 0, "0.12 0.2 2")]
    [InlineData("{{ printf \"%d %s %5.1f|%-4s|%q|%x|%05d|%e|%g\" 5 \"a\" 3.14159 \"b\" \"c\" 255 42 1234.5678 0.00001 }}", 0, "5 a   3.1|b   |\"c\"|ff|00042|1.234568e+03|1e-05")]
    [InlineData("{{ printf \"%d\" \"x\" }} {{ printf \"%s\" }} {{ printf \"a\" 1 }}", 0, "%!d(string=x) %!s(MISSING) a%!(EXTRA int=1)")]
    [InlineData("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", 0, "instance=web-1:9090;job=api;")]
    [InlineData("{{ if gt $value 0.5 }}hot{{ else if gt $value 0.1 }}warm{{ else }}cold{{ end }}", 0.2, "warm")]
    [InlineData("{{ with $labels.missing }}x{{ else }}none{{ end }}|{{ $labels.missing }}|", 0, "none||")]
    [InlineData("{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" $labels.job }}", 0, "[api]")]
    [InlineData("{{- \"a\" }}  {{ \"b\" -}}  c", 0, "a  bc")]
    [InlineData("{{ .Labels.job }} {{ .Value }} {{ $externalLabels.cluster }} {{ $externalURL }} {{ pathPrefix }}", 2, "api 2 eu-1 http://prom.example:9090/sub /sub")]
    [InlineData("{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }} {{ stripPort $labels.instance }} {{ stripDomain \"a.b.c:9\" }} {{ title \"hello world\" }} {{ toUpper \"x\" }}", 0, "web-1 web-1 a:9 Hello World X")]
    [InlineData("{{ humanizeTimestamp 1700000000 }} {{ toTime 1700000000.5 }} {{ parseDuration \"1m30s\" }}", 0, "2023-11-14 22:13:20 +0000 UTC 2023-11-14 22:13:20.5 +0000 UTC 90")]
    [InlineData("{{ len $labels }} {{ index $labels \"job\" }} {{ slice \"abcdef\" 1 3 }} {{ print 1 2 \"x\" 3 }} {{ and 1 0 }} {{ or 0 \"y\" }} {{ not false }}", 0, "2 api bc 1 2x3 0 y true")]
    [InlineData("{{ range $i, $e := args \"a\" \"b\" }}{{ $i }}{{ $e }}{{ end }} {{ urlquery \"a b&c\" }} {{ html \"<a href='x'>\" }}", 0, "arg0aarg1b a+b%26c &lt;a href=&#39;x&#39;&gt;")]
    [InlineData("{{ range 3 }}{{ . }}{{ if eq . 1 }}{{ break }}{{ end }}{{ end }}", 0, "01")]
    [InlineData("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", 0, "2")]
    [InlineData("{{ 0x1F }} {{ 1_000 }} {{ 'a' }} {{ 1.5e3 }} {{ `raw` }}", 0, "31 1000 97 1500 raw")]
    public void Renders_as_Prometheus(string template, double value, string expected)
    {
        Assert.Equal(expected, Expand(template, value));
    }

    [Theory]
    [InlineData("{{ humanize \"abc\" }}", "error calling humanize: strconv.ParseFloat: parsing \"abc\": invalid syntax")]
    [InlineData("{{ if eq $value 1 }}x{{ end }}", "error calling eq: incompatible types for comparison")]
    [InlineData("{{ .Nope }}", "can't evaluate field Nope in type template.tmplData")]
    [InlineData("{{ first (query \"nothing\") }}", "first() called on vector with no elements")]
    [InlineData("{{ template \"missing\" }}", "no such template \"missing\"")]
    public void Execution_errors_become_Prometheus_error_text(string template, string reason)
    {
        var text = Expand(template, 1);
        Assert.StartsWith("<error expanding template: error executing template __alert_A: template: __alert_A:1: ", text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_runs_through_the_querier_and_its_samples_are_usable()
    {
        var querier = new FakeQuerier(q => q == "up"
            ? [new TemplateSample(new Dictionary<string, string> { ["instance"] = "b" }, 0), new TemplateSample(new Dictionary<string, string> { ["instance"] = "a" }, 1)]
            : []);
        var text = PromTemplate.Expand("A", "{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }} {{ end }}{{ with query \"up\" }}{{ . | first | value }} {{ . | first | label \"instance\" }}{{ end }}",
            Data(0), Now, querier);

        Assert.Equal("a=1 b=0 0 b", text);
        Assert.Equal(["up", "up"], querier.Queries);
    }

    [Theory]
    [InlineData("{{ $labels.x }}", null)]
    [InlineData("{{ $nope }}", "template: __alert_A:1: undefined variable \"$nope\"")]
    [InlineData("{{ humanise 1 }}", "template: __alert_A:1: function \"humanise\" not defined")]
    [InlineData("{{ if }}", "template: __alert_A:1: missing value for if")]
    [InlineData("a\n{{ end }}", "template: __alert_A:2: unexpected {{end}}")]
    [InlineData("{{ 1 | 2 }}", "template: __alert_A:1: non executable command in pipeline stage 2")]
    [InlineData("{{ \"x\" ", "template: __alert_A:1: unclosed action")]
    public void Parse_errors_are_Gos(string template, string? error)
    {
        Assert.Equal(error, PromTemplate.ParseError("A", template));
    }

    private static string Expand(string template, double value) => PromTemplate.Expand("A", template, Data(value), Now, new FakeQuerier(_ => []));

    private static PromTemplateData Data(double value) => new(
        new Dictionary<string, string> { ["instance"] = "web-1:9090", ["job"] = "api" },
        new Dictionary<string, string> { ["cluster"] = "eu-1" },
        "http://prom.example:9090/sub",
        value);

    private sealed class FakeQuerier(Func<string, IReadOnlyList<TemplateSample>> answer) : ITemplateQuerier
    {
        public List<string> Queries { get; } = [];

        public IReadOnlyList<TemplateSample> Query(string expression)
        {
            Queries.Add(expression);
            return answer(expression);
        }
    }
}
