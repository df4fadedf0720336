using AirisEpm.PromQl.Model;
using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class SeriesDescriptionParserTests
{
    [Theory]
    [InlineData("1 2 3", "1 2 3")]
    [InlineData("0+10x3", "0 10 20 30")]
    [InlineData("10-2x2", "10 8 6")]
    [InlineData("-1+1x2", "-1 0 1")]
    [InlineData("-5-5x1", "-5 -10")]
    [InlineData("7x2", "7 7 7")]
    [InlineData("1.5+0.5x2", "1.5 2 2.5")]
    [InlineData("1e3x1", "1000 1000")]
    [InlineData("1e-1+1e-1x1", "0.1 0.2")]
    [InlineData("_ 1 _x3 2", "_ 1 _ _ _ 2")]
    [InlineData("_x0 1", "1")]
    [InlineData("1 stale 2", "1 stale 2")]
    [InlineData("Inf -Inf +Inf NaN nan inf", "+Inf -Inf +Inf NaN NaN +Inf")]
    [InlineData(".5 -.5 +3", "0.5 -0.5 3")]
    [InlineData("", "")]
    [InlineData("  1\t\t2  ", "1 2")]
    public void Expands_items_as_promqltest(string items, string expected) =>
        Assert.Equal(expected, string.Join(" ", SeriesDescriptionParser.ParseValues(items).Select(ValueText.Format)));

    [Fact]
    public void Increments_accumulate_as_prometheus_adds_them()
    {
        var values = SeriesDescriptionParser.ParseValues("0.1+0.1x2").Select(v => v.Value).ToArray();
        Assert.Equal([0.1, 0.1 + 0.1, 0.1 + 0.1 + 0.1], values);
    }

    [Fact]
    public void Stale_is_the_stale_marker_bit_pattern() =>
        Assert.True(StaleMarker.IsStale(SeriesDescriptionParser.ParseValues("stale")[0].Value));

    [Theory]
    [InlineData("abc")]
    [InlineData("1+")]
    [InlineData("1+2")]
    [InlineData("1x")]
    [InlineData("1x-1")]
    [InlineData("1x1.5")]
    [InlineData("1+Infx2")]
    [InlineData("Infx2")]
    [InlineData("_x")]
    [InlineData("1ex2")]
    [InlineData("0x5f")]
    [InlineData("stalex2")]
    [InlineData("1,2")]
    public void Rejects_malformed_items(string items) =>
        Assert.Throws<FormatException>(() => SeriesDescriptionParser.ParseValues(items));

    [Theory]
    [InlineData("_x200000")]
    [InlineData("0x99999999999")]
    [InlineData("1x60000 1x60000")]
    public void Caps_the_expansion_instead_of_running_out_of_memory(string items)
    {
        var error = Assert.Throws<FormatException>(() => SeriesDescriptionParser.ParseValues(items));
        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_a_name_with_labels()
    {
        var description = SeriesDescriptionParser.Parse("http_requests_total{job=\"api\", code='500',path=`/a\\b`,} 1 2");
        Assert.Equal(LabelSet.From(("__name__", "http_requests_total"), ("job", "api"), ("code", "500"), ("path", "/a\\b")), description.Metric);
        Assert.Equal(2, description.Values.Count);
    }

    [Theory]
    [InlineData("up 1", "up{}")]
    [InlineData("ns:up:rate5m 1", "ns:up:rate5m{}")]
    [InlineData("{job=\"a\"} 1", "{job=\"a\"}")]
    [InlineData("{} 1", "{}")]
    [InlineData("{\"dotted.name\", \"x.y\"=\"z\"} 1", "dotted.name{x.y=\"z\"}")]
    [InlineData("up{job=\"\"} 1", "up{}")]
    [InlineData("up{msg=\"a\\nb \\\"q\\\" \\u00e9\"} 1", "up{msg=\"a\\nb \\\"q\\\" é\"}")]
    [InlineData("up{ a = \"1\" , b = \"2\" } 1", "up{a=\"1\", b=\"2\"}")]
    public void Reads_metrics_in_every_spelling(string line, string expected) =>
        Assert.Equal(expected, SeriesDescriptionParser.Parse(line).Metric.ToString());

    [Theory]
    [InlineData("up{job=\"a\" 1")]
    [InlineData("up{job=a} 1")]
    [InlineData("up{job=\"a\", job=\"b\"} 1")]
    [InlineData("up{\"x\", __name__=\"y\"} 1")]
    [InlineData("up{job!=\"a\"} 1")]
    [InlineData("up{0=\"a\"} 1")]
    [InlineData("up{job=\"a} 1")]
    [InlineData("up{job=\"\\q\"} 1")]
    [InlineData("1 2")]
    [InlineData("up{}x 1")]
    [InlineData("")]
    public void Rejects_malformed_metrics(string line) =>
        Assert.Throws<FormatException>(() => SeriesDescriptionParser.Parse(line));
}
