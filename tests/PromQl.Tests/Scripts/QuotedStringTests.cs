using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class QuotedStringTests
{
    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("'single'", "single")]
    [InlineData("`raw \\n`", "raw \\n")]
    [InlineData("\"a\\tb\\nc\\\\d\\\"e\"", "a\tb\nc\\d\"e")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"\\x41\\101\\u00e9\\U0001F600\"", "AAé😀")]
    [InlineData("\"\"", "")]
    public void Unquotes_go_strings(string literal, string expected) => Assert.Equal(expected, QuotedString.Unquote(literal));

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("\"open")]
    [InlineData("\"bad \\q escape\"")]
    [InlineData("\"\\x4\"")]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"a\" trailing")]
    [InlineData("'\\\"'")]
    [InlineData("\"line\nbreak\"")]
    public void Rejects_malformed_literals(string literal) => Assert.Throws<FormatException>(() => QuotedString.Unquote(literal));
}
