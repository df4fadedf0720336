using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.AlertService.Domain.Templates;

namespace AirisEpm.AlertService.Tests.Domain.Templates;

public sealed class AlertTemplateTests
{
    private static readonly TemplateData Data = new(
        LabelSet.Of(("service", "checkout api"), ("instance", "10.0.0.1:8080")),
        LabelSet.Of(("runbook", "https://runbooks/x")),
        1234567.0);

    [Theory]
    [InlineData("{{ $labels.service }} is slow", "checkout api is slow")]
    [InlineData("value={{ $value }}", "value=1234567")]
    [InlineData("{{ .Labels.instance }} / {{ .Annotations.runbook }} / {{ .Value }}", "10.0.0.1:8080 / https://runbooks/x / 1234567")]
    [InlineData("{{ humanize $value }}", "1.235M")]
    [InlineData("{{ $value | humanize1024 }}", "1.177Mi")]
    [InlineData("{{ $labels.service | toUpper }}", "CHECKOUT API")]
    [InlineData("{{ $labels.service | title }}", "Checkout Api")]
    [InlineData("{{ 0.256 | humanizePercentage }}", "25.6%")]
    [InlineData("{{ humanizeDuration 93784 }}", "1d 2h 3m 4s")]
    [InlineData("{{ humanizeDuration 0.25 }}", "250ms")]
    [InlineData("{{ humanize 0.005 }}", "5m")]
    [InlineData("[{{ $labels.missing }}]", "[]")]
    [InlineData("a  {{- \" b \" -}}  c", "a b c")]
    [InlineData("{{ \"x\" | toUpper | toLower }}", "x")]
    public void Renders_prometheus_style(string template, string expected)
    {
        Assert.Equal(expected, AlertTemplate.Parse(template).Render(Data));
    }

    [Theory]
    [InlineData("{{ $labels.service", 18, "unclosed action")]
    [InlineData("ok {{ }}", 6, "empty action")]
    [InlineData("{{ $lables.service }}", 3, "undefined variable")]
    [InlineData("{{ .Lables.x }}", 3, "unknown field")]
    [InlineData("{{ $value | shout }}", 12, "function \"shout\" not defined")]
    [InlineData("{{ if $value }}x{{ end }}", 3, "function \"if\" not defined")]
    [InlineData("{{ humanize }}", 3, "wrong number of arguments")]
    [InlineData("{{ $value | }}", 12, "missing command")]
    [InlineData("{{ $value $value }}", 3, "non-function")]
    [InlineData("{{ \"abc }}", 3, "unterminated quoted string")]
    public void Parse_errors_name_position_and_reason(string template, int position, string reason)
    {
        Assert.False(AlertTemplate.TryParse(template, out _, out var error));
        Assert.Equal(position, error!.Position);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Humanizing_a_non_number_fails_at_render_with_position()
    {
        var template = AlertTemplate.Parse("x {{ humanize $labels.service }}");
        var ex = Assert.Throws<TemplateException>(() => template.Render(Data));
        Assert.Equal(5, ex.Position);
    }
}
