using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// Every error message of the parser, exactly as Prometheus words and places it (<c>line:col: parse error: ...</c>).
/// The messages come from Prometheus 3.5's parser and its tests; those that Prometheus 2.42 words the same way are
/// also checked against the installed promtool (<see cref="PromtoolParityTests"/>).
/// </summary>
public sealed class ParseErrorTests
{
    public static TheoryData<string, string> Syntax => new()
    {
        { "", "unknown position: parse error: no expression found in input" },
        { "   ", "1:1: parse error: no expression found in input" },
        { "# just a comment\n\n", "1:1: parse error: no expression found in input" },
        { "1 +", "1:4: parse error: unexpected end of input" },
        { "*1", "1:1: parse error: unexpected <op:*>" },
        { "-=", "1:2: parse error: unexpected \"=\"" },
        { "++-++-+-+-<", "1:11: parse error: unexpected <op:<>" },
        { "e-+=/(0)", "1:4: parse error: unexpected \"=\"" },
        { "foo bar", "1:5: parse error: unexpected identifier \"bar\"" },
        { "1 2", "1:3: parse error: unexpected number \"2\"" },
        { "\"a\" \"b\"", "1:5: parse error: unexpected string \"\\\"b\\\"\"" },
        { "x \"abcdefghijkl\"", "1:3: parse error: unexpected string \"\\\"abcdefghi\"..." },
        { "foo a:b", "1:5: parse error: unexpected metric identifier \"a:b\"" },
        { "@ 5", "1:1: parse error: unexpected <op:@>" },
        { "sum (x) (y)", "1:9: parse error: unexpected \"(\"" },
        { "start()", "1:6: parse error: unexpected \"(\"" },
        { "end()", "1:4: parse error: unexpected \"(\"" },
        { "a - on(b) ignoring(c) d", "1:11: parse error: unexpected <ignoring>" },
        { "foo + group_left(baz) bar", "1:7: parse error: unexpected <group_left>" },
        { "foo * on(a) group_left (bar)", "1:29: parse error: unexpected end of input" },
        { "rate(foo bar)", "1:10: parse error: unexpected identifier \"bar\"" },
        { "rate(sum(x) y)", "1:13: parse error: unexpected identifier \"y\"" },
        { "foo +\n  bar baz", "2:7: parse error: unexpected identifier \"baz\"" },
        { "\"ä\" + *", "1:8: parse error: unexpected <op:*>" },
        { "rate(x,)", "1:7: parse error: trailing commas not allowed in function call args" },
        { "rate(x, *)", "1:7: parse error: trailing commas not allowed in function call args" },
        { "topk(some_metric,)", "1:17: parse error: trailing commas not allowed in function call args" },
    };

    public static TheoryData<string, string> Contexts => new()
    {
        { "sum(foo bar)", "1:9: parse error: unexpected identifier \"bar\" in aggregation" },
        { "sum(rate(foo[5m] bar))", "1:18: parse error: unexpected identifier \"bar\" in aggregation" },
        { "sum by (a) x", "1:12: parse error: unexpected identifier \"x\" in aggregation" },
        { "sum by (a) (*)", "1:13: parse error: unexpected <op:*> in aggregation" },
        { "sum by (a) by (b) (x)", "1:12: parse error: unexpected <by> in aggregation" },
        { "sum some_metric by (test)", "1:5: parse error: unexpected identifier \"some_metric\"" },
        { "MIN keep_common (some_metric)", "1:5: parse error: unexpected identifier \"keep_common\"" },
        { "MIN (some_metric) keep_common", "1:19: parse error: unexpected identifier \"keep_common\"" },
        { "sum without (test) (some_metric) by (test)", "1:34: parse error: unexpected <by>" },
        { "sum (some_metric) by test", "1:22: parse error: unexpected identifier \"test\" in grouping opts, expected \"(\"" },
        { "sum(x) by", "1:10: parse error: unexpected end of input in grouping opts, expected \"(\"" },
        { "sum without(==)(some_metric)", "1:13: parse error: unexpected <op:==> in grouping opts, expected label" },
        { "sum without(foo,,)(some_metric)", "1:17: parse error: unexpected \",\" in grouping opts, expected label" },
        { "sum by (a b) (x)", "1:11: parse error: unexpected identifier \"b\" in grouping opts, expected \",\" or \")\"" },
        { "sum(x) by (without)", "1:12: parse error: unexpected <without> in grouping opts, expected label" },
        { "foo + on a bar", "1:10: parse error: unexpected identifier \"a\" in grouping opts, expected \"(\"" },
        { "foo + on(a) group_left(b c) bar", "1:26: parse error: unexpected identifier \"c\" in grouping opts, expected \",\" or \")\"" },
        { "foo + on(a) group_left *", "1:24: parse error: unexpected <op:*> in grouping opts, expected \"(\"" },
        { "some_metric{a=b}", "1:15: parse error: unexpected identifier \"b\" in label matching, expected string" },
        { "sum(foo{a=b})", "1:11: parse error: unexpected identifier \"b\" in label matching, expected string" },
        { "foo{gibberish}", "1:14: parse error: unexpected \"}\" in label matching, expected label matching operator" },
        { "foo{,}", "1:5: parse error: unexpected \",\" in label matching, expected identifier or \"}\"" },
        { "foo{__name__ == \"bar\"}", "1:15: parse error: unexpected \"=\" in label matching, expected string" },
        { "foo{__name__=\"bar\" lol}", "1:20: parse error: unexpected identifier \"lol\" in label matching, expected \",\" or \"}\"" },
        { "foo{\"a\"=}", "1:9: parse error: unexpected \"}\" in label matching, expected string" },
        { "{\"a\" \"b\"}", "1:6: parse error: unexpected string \"\\\"b\\\"\" in label matching, expected \",\" or \"}\"" },
        { "foo offset x", "1:12: parse error: unexpected identifier \"x\" in offset, expected number or duration" },
        { "foo offset -x", "1:13: parse error: unexpected identifier \"x\" in offset, expected number or duration" },
        { "sum(foo offset x)", "1:16: parse error: unexpected identifier \"x\" in offset, expected number or duration" },
        { "foo offset", "1:11: parse error: unexpected end of input in offset, expected number or duration" },
        { "foo @ x", "1:7: parse error: unexpected identifier \"x\" in @, expected timestamp" },
        { "foo @ -x", "1:8: parse error: unexpected identifier \"x\" in @, expected timestamp" },
        { "foo @ --5", "1:8: parse error: unexpected <op:-> in @, expected timestamp" },
        { "foo @ start x", "1:13: parse error: unexpected identifier \"x\" in @, expected timestamp" },
        { "some_metric[5m] @", "1:18: parse error: unexpected end of input in @, expected timestamp" },
        { "foo[]", "1:5: parse error: unexpected \"]\" in subquery selector, expected number or duration" },
        { "foo[5m 5m]", "1:8: parse error: unexpected duration \"5m\" in subquery or range, expected \":\" or \"]\"" },
        { "foo[5m:*]", "1:8: parse error: unexpected <op:*> in subquery selector, expected number or duration or \"]\"" },
        { "foo[5m:1m 1m]", "1:11: parse error: unexpected duration \"1m\" in subquery selector, expected \"]\"" },
    };

    public static TheoryData<string, string> Lexical => new()
    {
        { ".", "1:1: parse error: unexpected character: '.'" },
        { "1\U00010030", "1:2: parse error: unexpected character: '\U00010030'" },
        { "é + 1", "1:1: parse error: unexpected character: 'é'" },
        { "}", "1:1: parse error: unexpected character: '}'" },
        { "(1))", "1:5: parse error: unexpected right parenthesis ')'" },
        { "((1)", "1:5: parse error: unclosed left parenthesis" },
        { "sum(x", "1:6: parse error: unclosed left parenthesis" },
        { "1 !~ 1", "1:3: parse error: unexpected character after '!': '~'" },
        { "1 =~ 1", "1:3: parse error: unexpected character after '=': '~'" },
        { "{", "1:2: parse error: unexpected end of input inside braces" },
        { "foo{a=\"b\",", "1:11: parse error: unexpected end of input inside braces" },
        { "some_metric{a:b=\"b\"}", "1:14: parse error: unexpected character inside braces: ':'" },
        { "foo{1}", "1:5: parse error: unexpected character inside braces: '1'" },
        { "foo{a!b}", "1:6: parse error: unexpected character after '!' inside braces: 'b'" },
        { "foo{{}", "1:5: parse error: unexpected left brace '{'" },
        { "foo]", "1:4: parse error: unexpected right bracket ']'" },
        { "foo[5m]]", "1:8: parse error: unexpected right bracket ']'" },
        { "foo[", "1:5: parse error: unexpected end of input in duration expression" },
        { "foo[5m", "1:7: parse error: unclosed left bracket" },
        { "foo[x]", "1:5: parse error: unexpected character in duration expression: 'x'" },
        { "foo[[5m]]", "1:5: parse error: unexpected character in duration expression: '['" },
        { "foo[5m x]", "1:8: parse error: unexpected character: 'x', expected ':'" },
        { "foo[:5m]", "1:6: parse error: unexpected colon before duration in duration expression" },
        { "foo[5m::]", "1:8: parse error: unexpected colon ':'" },
        { "2.5.", "1:1: parse error: bad number or duration syntax: \"2.5.\"" },
        { "100..4", "1:1: parse error: bad number or duration syntax: \"100..\"" },
        { "0deadbeef", "1:1: parse error: bad number or duration syntax: \"0de\"" },
        { "1__0", "1:1: parse error: bad number or duration syntax: \"1__\"" },
        { "foo[5mm]", "1:5: parse error: bad number or duration syntax: \"5mm\"" },
        { "some_metric[5m] OFFSET 1mm", "1:24: parse error: bad number or duration syntax: \"1mm\"" },
        { "sum by (\"foo)(some_metric{})", "1:9: parse error: unterminated quoted string" },
        { "\"a\nb\"", "1:1: parse error: unterminated quoted string" },
        { "`\\``", "1:4: parse error: unterminated raw string" },
        { "\"\\", "1:1: parse error: escape sequence not terminated" },
        { "\"\\c\"", "1:1: parse error: unknown escape sequence U+0063 'c'" },
        { "\"\\'\"", "1:1: parse error: unknown escape sequence U+0027 '''" },
        { "\"\\x.\"", "1:1: parse error: illegal character U+002E '.' in escape sequence" },
        { "\"\\u12\"", "1:1: parse error: illegal character U+0022 '\"' in escape sequence" },
        { "\"\\U00110000\"", "1:1: parse error: escape sequence is an invalid Unicode code point" },
        { "\"\\ud800\"", "1:1: parse error: escape sequence is an invalid Unicode code point" },
        { "\"\\400\"", "1:1: parse error: escape sequence is an invalid Unicode code point" },
        { "some_metric{a=\"\uFFFD\"}", "1:15: parse error: invalid UTF-8 rune" },
    };

    public static TheoryData<string, string> Literals => new()
    {
        { "1_ + 1", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1_\": invalid syntax" },
        { "0x", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x\": invalid syntax" },
        { "0xFFFFFFFFFFFFFFFFFFFF", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0xFFFFFFFFFFFFFFFFFFFF\": invalid syntax" },
        { "1e400", "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e400\": value out of range" },
        { "foo[5y1hs]", "1:5: parse error: unknown unit \"hs\" in duration \"5y1hs\"" },
        { "foo[1.5s]", "1:5: parse error: unknown unit \".\" in duration \"1.5s\"" },
        { "foo[5m1h]", "1:5: parse error: not a valid duration string: \"5m1h\"" },
        { "foo[300y]", "1:5: parse error: duration out of range" },
        { "foo[0m]", "1:5: parse error: duration must be greater than 0" },
        { "foo[-1]", "1:5: parse error: duration must be greater than 0" },
        { "foo[5m:0s]", "1:8: parse error: duration must be greater than 0" },
        { "foo[9.5e10]", "1:5: parse error: duration out of range" },
        { "foo[-9.5e10]", "1:6: parse error: duration out of range" },
        { "foo offset 9.5e10", "1:12: parse error: duration out of range" },
        { "foo[5m+1m]", "1:5: parse error: experimental duration expression is not enabled" },
        { "foo[5s/0d]", "1:5: parse error: experimental duration expression is not enabled" },
        { "foo[(5m)]", "1:6: parse error: experimental duration expression is not enabled" },
        { "foo[5m:(1m)]", "1:9: parse error: experimental duration expression is not enabled" },
        { "foo offset (5m)", "1:13: parse error: experimental duration expression is not enabled" },
        { "foo @ +Inf", "1:1: parse error: timestamp out of bounds for @ modifier: +Inf" },
        { "foo @ -Inf", "1:1: parse error: timestamp out of bounds for @ modifier: -Inf" },
        { "foo @ NaN", "1:1: parse error: timestamp out of bounds for @ modifier: NaN" },
        { "foo @ 9223372036854775808", "1:1: parse error: timestamp out of bounds for @ modifier: 9223372036854775808.000000" },
        { "sum by (\"\") (x)", "1:9: parse error: invalid label name for grouping: \"\"" },
    };

    public static TheoryData<string, string> Semantic => new()
    {
        { "1 offset 1d", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery" },
        { "-1 offset 1m", "1:2: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery" },
        { "(foo) offset 5m", "1:1: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery" },
        { "foo offset 1s offset 2s", "1:1: parse error: offset may not be set multiple times" },
        { "foo offset 1s offset 2s $", "1:25: parse error: unexpected character: '$'" },
        { "rate(some_metric[5m]) @ 1234", "1:1: parse error: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery" },
        { "foo @ 1 @ 2", "1:1: parse error: @ <timestamp> may not be set multiple times" },
        { "foo @ start() @ end()", "1:1: parse error: @ <timestamp> may not be set multiple times" },
        { "some_metric OFFSET 1m[5m]", "1:22: parse error: no offset modifiers allowed before range" },
        { "some_metric @ 1234 [5m]", "1:20: parse error: no @ modifiers allowed before range" },
        { "(foo + bar)[5m]", "1:12: parse error: ranges only allowed for vector selectors" },
        { "rate(food[1m])[1h] offset 1h", "1:15: parse error: ranges only allowed for vector selectors" },
        { "foo[5m][5m]", "1:8: parse error: ranges only allowed for vector selectors" },
        { "sum () by (test)", "1:1: parse error: no arguments for aggregate expression provided" },
        { "topk(some_metric)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1" },
        { "sum(x, y)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2" },
        { "limitk(1, x)", "1:1: parse error: limitk() is experimental and must be enabled with --enable-feature=promql-experimental-functions" },
        { "limit_ratio(0.5, x)", "1:1: parse error: limit_ratio() is experimental and must be enabled with --enable-feature=promql-experimental-functions" },
        { "non_existent_function_far_bar()", "1:1: parse error: unknown function with name \"non_existent_function_far_bar\"" },
        { "holt_winters(x[5m], 0.1, 0.1)", "1:1: parse error: unknown function with name \"holt_winters\"" },
        { "RATE(x[5m])", "1:1: parse error: unknown function with name \"RATE\"" },
        { "a>b()", "1:3: parse error: unknown function with name \"b\"" },
        { "sort_by_label(x, \"a\")", "1:1: parse error: function \"sort_by_label\" is not enabled" },
        { "sort_by_label_desc(x, \"a\")", "1:1: parse error: function \"sort_by_label_desc\" is not enabled" },
        { "double_exponential_smoothing(x[5m], 0.5, 0.5)", "1:1: parse error: function \"double_exponential_smoothing\" is not enabled" },
    };

    public static TheoryData<string, string> Types => new()
    {
        { "1 and 1", "1:1: parse error: set operator \"and\" not allowed in binary scalar expression" },
        { "foo or 1", "1:1: parse error: set operator \"or\" not allowed in binary scalar expression" },
        { "1 unless foo", "1:1: parse error: set operator \"unless\" not allowed in binary scalar expression" },
        { "1 == 1", "1:3: parse error: comparisons between scalars must use BOOL modifier" },
        { "1 or on(bar) foo", "1:1: parse error: vector matching only allowed between instant vectors" },
        { "foo == on(bar) 10", "1:1: parse error: vector matching only allowed between instant vectors" },
        { "foo and on(bar) group_left(baz) bar", "1:1: parse error: no grouping allowed for \"and\" operation" },
        { "foo or on(bar) group_right(baz) bar", "1:1: parse error: no grouping allowed for \"or\" operation" },
        { "http_requests{group=\"production\"} + on(instance) group_left(job,instance) cpu_count{type=\"smp\"}", "1:35: parse error: label \"instance\" must not occur in ON and GROUP clause at once" },
        { "foo + bool bar", "1:5: parse error: bool modifier can only be used on comparison operators" },
        { "foo and bool 10", "1:5: parse error: bool modifier can only be used on comparison operators" },
        { "\"a\" == \"b\"", "1:1: parse error: binary expression must contain only scalar and instant vector types" },
        { "1 + \"a\"", "1:5: parse error: binary expression must contain only scalar and instant vector types" },
        { "foo[5m] * 2", "1:1: parse error: binary expression must contain only scalar and instant vector types" },
        { "-\"string\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\"" },
        { "-test[5m]", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"" },
        { "test[5d] OFFSET 10s [10m:5s]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead" },
        { "(foo + bar{nm=\"val\"})[5m:][10m:5s]", "1:1: parse error: subquery is only allowed on instant vector, got matrix instead" },
        { "\"a\"[5m:]", "1:1: parse error: subquery is only allowed on instant vector, got string instead" },
        { "{}", "1:1: parse error: vector selector must contain at least one non-empty matcher" },
        { "{x=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher" },
        { "{x=~\".*\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher" },
        { "{x!~\".+\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher" },
        { "{x!=\"a\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher" },
        { "rate({x=\"\"}[5m])", "1:6: parse error: vector selector must contain at least one non-empty matcher" },
        { "foo{__name__=\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"" },
        { "foo{\"bar\"}", "1:1: parse error: metric name must not be set twice: \"foo\" or \"bar\"" },
        { "topk(some_metric, other_metric)", "1:6: parse error: expected type scalar in aggregation parameter, got instant vector" },
        { "count_values(5, other_metric)", "1:14: parse error: expected type string in aggregation parameter, got scalar" },
        { "sum(\"a\")", "1:5: parse error: expected type instant vector in aggregation expression, got string" },
        { "avg(x[5m])", "1:5: parse error: expected type instant vector in aggregation expression, got range vector" },
        { "floor()", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 0" },
        { "floor(some_metric, 1)", "1:1: parse error: expected 1 argument(s) in call to \"floor\", got 2" },
        { "floor(1)", "1:7: parse error: expected type instant vector in call to function \"floor\", got scalar" },
        { "hour(some_metric, some_metric, some_metric)", "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 3" },
        { "time(some_metric)", "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1" },
        { "label_join(x)", "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1" },
        { "round(x, 1, 2)", "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3" },
        { "rate(some_metric)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector" },
        { "rate(avg)", "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector" },
        { "predict_linear(x[5m], \"a\")", "1:23: parse error: expected type scalar in call to function \"predict_linear\", got string" },
        { "label_join(x, \"a\", \",\", \"b\", 1)", "1:30: parse error: expected type string in call to function \"label_join\", got scalar" },
    };

    [Theory]
    [MemberData(nameof(Syntax))]
    [MemberData(nameof(Contexts))]
    [MemberData(nameof(Lexical))]
    [MemberData(nameof(Literals))]
    [MemberData(nameof(Semantic))]
    [MemberData(nameof(Types))]
    public void Reports_prometheus_message(string query, string message)
    {
        var error = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr(query));

        Assert.Equal(message, error.Message);
        Assert.Equal(PromQlErrorType.BadData, error.Type);
        Assert.Equal("bad_data", error.TypeName);
        Assert.InRange(error.Position.Start, 0, query.Length);
        Assert.Equal(error.Message, $"{error.Message[..error.Message.IndexOf(": parse error: ", StringComparison.Ordinal)]}: parse error: {error.Detail}");
    }

    [Fact]
    public void A_bad_regex_is_reported_at_the_matcher_as_a_regexp_error()
    {
        var error = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr("foo{a=~\"(\"}"));

        Assert.StartsWith("1:5: parse error: error parsing regexp: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Ast.PositionRange(4, 10), error.Position);
    }

    [Fact]
    public void A_number_too_long_for_a_double_is_out_of_range()
    {
        var digits = new string('9', 330);

        var error = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr(digits));

        Assert.Equal($"1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"{digits}\": value out of range", error.Message);
    }
}
