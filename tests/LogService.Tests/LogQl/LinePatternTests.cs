using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>Loki's pattern matcher (pkg/logql/log/pattern): the filter's shape test and the parser's captures, on Loki's own cases.</summary>
public sealed class LinePatternTests
{
    [Theory]
    [InlineData("<_> bar", "foo bar baz", false)]
    [InlineData("<_> baz", "foo bar baz", true)]
    [InlineData("foo <_>", "foo bar baz", true)]
    [InlineData("foo <_>", "x foo bar", true)]
    [InlineData("<_> bar <_>", " bar ", false)]
    [InlineData("<_>bar<_>", " bar ", true)]
    [InlineData("<_>", "anything", true)]
    [InlineData("<_>", "", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("a <_> a", "a a", false)]
    [InlineData("<_> 500", "x 500 12", false)]
    [InlineData("<_> 500 <_>", "x 500 12", true)]
    public void The_filter_tests_the_lines_shape(string pattern, string line, bool keeps)
    {
        Assert.Equal(keeps, LinePattern.ForFilter(pattern).Test(line));
    }

    [Theory]
    [InlineData("<foo> bar", "buzz bar", "buzz")]
    [InlineData("<foo> bar<fuzz>", "buzz bar", "buzz|")]
    [InlineData("<foo>bar<fuzz>", "bar", "|")]
    [InlineData("<ip> <userid> <user> [<_>] \"<method> <path> <_>\" <status> <size>",
        "127.0.0.1 user-identifier frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
        "127.0.0.1|user-identifier|frank|GET|/apache_pb.gif|200|2326")]
    [InlineData("<_> msg=<msg> <_>", "level=info msg=hello", "hello")]
    [InlineData("level=<lvl> <_>", "x level=info", "")]
    [InlineData("<a> - <b>", "no dash here", "no dash here")]
    public void The_parser_captures_up_to_each_literal(string pattern, string line, string expected)
    {
        Assert.Equal(expected, string.Join('|', LinePattern.ForParser(pattern).Captures(line)));
    }

    [Fact]
    public void Captures_name_only_the_named_ones_and_a_literal_lt_stays_literal()
    {
        var pattern = LinePattern.ForParser("<1x> <a_1> <_> <b>");
        Assert.Equal(["a_1", "b"], pattern.Names);
        Assert.Equal(["<1x> ", " ", " "], pattern.Literals);
    }

    [Theory]
    [InlineData("", "syntax error")]
    [InlineData("<_>", "at least one capture is required")]
    [InlineData("foo bar", "at least one capture is required")]
    [InlineData("<f><g>", "found consecutive capture '<f><g>': invalid expression")]
    [InlineData("<f> f<f>", "duplicate capture name (f): invalid expression")]
    public void Bad_parser_patterns_give_lokis_reason(string pattern, string reason)
    {
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => LinePattern.ForParser(pattern)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_refuse_named_captures()
    {
        Assert.Contains("named captures are not allowed: found '<foo>'", Assert.Throws<ArgumentException>(() => LinePattern.ForFilter("<foo <foo> bar <_>")).Message, StringComparison.Ordinal);
    }
}
