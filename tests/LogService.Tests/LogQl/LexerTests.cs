using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.Tests.LogQl;

public sealed class LexerTests
{
    public static TheoryData<string, string> Tokens => new()
    {
        { "{a=\"b\"}", "LeftBrace Identifier:a Equal QuotedString:b RightBrace End" },
        { "|= != |~ !~ |> !> | =~ == >= <= > <", "PipeExact NotEqual PipeRegex RegexNotMatch PipePattern NotPattern Pipe RegexMatch DoubleEqual GreaterOrEqual LessOrEqual Greater Less End" },
        { "[5m] [1h30m] 250ms 20kb 1.5KiB 42 1e3 .5", "LeftBracket Duration:5m RightBracket LeftBracket Duration:1h30m RightBracket Duration:250ms Bytes:20kb Bytes:1.5KiB Number:42 Number:1e3 Number:.5 End" },
        { "`raw \\d` \"esc \\\" \\n \\u00e9\"", "QuotedString:raw \\d QuotedString:esc \" \n é End" },
        { "logfmt --strict --keep-empty", "Identifier:logfmt Flag:--strict Flag:--keep-empty End" },
        { "1 - -1 # a comment\n+ 2", "Number:1 Minus Minus Number:1 Plus Number:2 End" },
        { "sum by(level)", "Identifier:sum Identifier:by LeftParen Identifier:level RightParen End" },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Queries_split_into_the_expected_tokens(string query, string expected)
    {
        var described = LogQlLexer.Tokenize(query).Select(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedString or TokenKind.Number or TokenKind.Duration or TokenKind.Bytes or TokenKind.Flag
            ? $"{t.Kind}:{t.Text}"
            : t.Kind.ToString());
        Assert.Equal(expected, string.Join(' ', described));
    }

    [Theory]
    [InlineData("{a=\"b}", "col 4: the string is not closed")]
    [InlineData("{a=\"\\q\"}", "\\q is not a valid escape")]
    [InlineData("{a=\"x\ny\"}", "cannot span lines")]
    [InlineData("5x", "'5x' is not a number, a duration")]
    [InlineData("{a=\"b\"} @", "col 9: unexpected character '@'")]
    [InlineData("a ! b", "'!' must be followed by")]
    [InlineData("\"\\u12\"", "\\u must be followed by 4 hexadecimal digits")]
    [InlineData("\"\\ud800\"", "is not a valid character")]
    public void Malformed_text_is_a_parse_error_at_its_position(string query, string message)
    {
        var error = Assert.Throws<LogQlParseException>(() => LogQlLexer.Tokenize(query));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_count_lines_and_columns_from_one()
    {
        var error = Assert.Throws<LogQlParseException>(() => LogQlParser.Parse("{a=\"b\"}\n  | unwrap x"));
        Assert.Equal("parse error at line 2, col 3: unwrap belongs inside a range aggregation, as in sum_over_time({…} | logfmt | unwrap latency [5m])", error.Message);
        Assert.False(error.Unsupported);
    }
}
