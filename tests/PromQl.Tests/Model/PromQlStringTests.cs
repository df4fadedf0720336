using System.Text;
using AirisEpm.PromQl.Model;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Model;

public sealed class PromQlStringTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("tab\tnew\nbell\a", "\"tab\\tnew\\nbell\\a\"")]
    [InlineData("\u0001\u007f", "\"\\x01\\x7f\"")]
    [InlineData("é😀", "\"é😀\"")]
    [InlineData("zero\u200bwidth", "\"zero\\u200bwidth\"")]
    [InlineData("nbsp\u00a0", "\"nbsp\\u00a0\"")]
    [InlineData("private\U000F0000", "\"private\\U000f0000\"")]
    public void Quotes_as_go_strconv_quote(string value, string quoted) => Assert.Equal(quoted, PromQlString.Quote(value));

    [Theory]
    [InlineData('x', "'x'")]
    [InlineData('\'', "'\\''")]
    [InlineData('"', "'\"'")]
    [InlineData('\n', "'\\n'")]
    public void Quotes_runes_as_go_quote_rune(char c, string quoted) => Assert.Equal(quoted, PromQlString.QuoteRune(new Rune(c)));

    [Theory]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("'it\\'s \"x\"'", "it's \"x\"")]
    [InlineData("`raw\\n`", "raw\\n")]
    [InlineData("\"\\x41\\101\\u00e9\\U0001F600\"", "AAé😀")]
    [InlineData("\"\\xc3\\xa9\"", "é")]
    [InlineData("\"\"", "")]
    public void Unquotes_every_literal_form(string quoted, string value) => Assert.Equal(value, PromQlString.Unquote(quoted));

    [Theory]
    [InlineData("\"")]
    [InlineData("\"a'")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"\\q\"")]
    [InlineData("\"\\'\"")]
    [InlineData("\"\\x4\"")]
    [InlineData("\"\\400\"")]
    [InlineData("\"a\nb\"")]
    [InlineData("`a`b`")]
    [InlineData("abc")]
    public void Refuses_what_is_not_a_literal(string quoted) => Assert.Throws<FormatException>(() => PromQlString.Unquote(quoted));

    [Fact]
    public void Bytes_that_are_not_utf8_are_flagged()
    {
        Assert.True(PromQlString.TryUnquote("\"\\xff\"", out var value, out var valid));
        Assert.False(valid);
        Assert.Equal("\uFFFD", value);
    }

    [Fact]
    public void Unquote_reverses_quote_for_every_well_formed_string() =>
        Gen.String.Where(s => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)) == s)
            .Sample(s => PromQlString.Unquote(PromQlString.Quote(s)) == s, iter: 10_000);
}
