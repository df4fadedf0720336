using System.Diagnostics;
using System.Text;
using AirisEpm.PromQl.Parser;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Parser;

/// <summary>
/// Whatever text arrives, the parser answers a tree or a <see cref="ParseException"/>, never another exception,
/// and within a second: random characters, token soups, valid queries with characters or tokens inserted, deleted
/// or replaced, and very long or deep inputs. Every tree it does answer prints to text that parses to the same print.
/// </summary>
public sealed class ParserPropertyTests
{
    // A hang or an exponential blow-up, not speed: wall time on a shared CI machine swings tenfold, so the bound is loose.
    private static readonly TimeSpan PerQuery = TimeSpan.FromSeconds(10);

    private static readonly string[] Tokens =
    [
        "(", ")", "{", "}", "[", "]", ",", ":", "=", "!=", "=~", "!~", "==", ">", ">=", "<", "<=", "+", "-", "*", "/", "%", "^", "@",
        "and", "or", "unless", "atan2", "bool", "on", "ignoring", "group_left", "group_right", "by", "without", "offset",
        "start()", "end()", "sum", "topk", "count_values", "quantile", "limitk", "rate", "histogram_quantile", "label_replace",
        "time", "foo", "a:b", "job", "\"x\"", "'y'", "`z`", "\"", "`", "5", "1.5e3", "0x1f", "Inf", "NaN", "5m", "1h30m", "-1",
        "#", "\n", " ", "\\", "\"a.b\"", "__name__",
    ];

    [Fact]
    public void Random_text_only_ever_gives_parse_errors()
    {
        Gen.String.Sample(Check, iter: 20_000);
        Gen.Char["(){}[],:=!~<>+-*/%^@\"'`#\\ \n\t.azAZ09_é"].Array[0, 60].Select(c => new string(c)).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Token_soups_only_ever_give_parse_errors() =>
        Gen.OneOf(Tokens).Array[0, 30].Select(parts => string.Join(" ", parts)).Sample(Check, iter: 20_000);

    [Fact]
    public void Valid_queries_with_characters_edited_only_ever_give_parse_errors()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.Char["(){}[],:=!~<>+-*/^@\"'`# .aZ09_"]);
        Gen.Select(Gen.OneOf(ValidQueries.All), edit.Array[1, 5]).Select((query, edits) =>
        {
            var text = new StringBuilder(query);
            foreach (var (kind, position, c) in edits)
            {
                var at = text.Length == 0 ? 0 : position % text.Length;
                if (kind == 0 && text.Length > 0)
                {
                    text.Remove(at, 1);
                }
                else if (kind == 1)
                {
                    text.Insert(at, c);
                }
                else if (text.Length > 0)
                {
                    text[at] = c;
                }
            }

            return text.ToString();
        }).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Valid_queries_with_tokens_edited_only_ever_give_parse_errors()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.OneOf(Tokens));
        Gen.Select(Gen.OneOf(ValidQueries.All), edit.Array[1, 4]).Select((query, edits) =>
        {
            var words = query.Split(' ').ToList();
            foreach (var (kind, position, token) in edits)
            {
                var at = position % Math.Max(words.Count, 1);
                if (kind == 0 && words.Count > 0)
                {
                    words.RemoveAt(at);
                }
                else if (kind == 1)
                {
                    words.Insert(at, token);
                }
                else if (words.Count > 0)
                {
                    words[at] = token;
                }
            }

            return string.Join(" ", words);
        }).Sample(Check, iter: 20_000);
    }

    [Fact]
    public void Generated_queries_with_a_character_dropped_only_ever_give_parse_errors() =>
        Gen.Select(QueryGenerator.Query, Gen.Int[0, 10_000]).Select((query, at) => query.Remove(at % query.Length, 1)).Sample(Check, iter: 3_000);

    [Fact]
    public void Deep_nesting_is_refused_with_a_parse_error_not_a_stack_overflow()
    {
        var depth = PromQlParser.MaxNesting + 1;
        var parens = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr(new string('(', depth) + "1" + new string(')', depth)));
        var signs = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr(new string('-', 50_000) + "1"));
        var chain = Assert.Throws<ParseException>(() => PromQlParser.ParseExpr(string.Join(" + ", Enumerable.Repeat("x", PromQlParser.MaxDepth + 1))));

        Assert.Contains("too deeply nested", parens.Message, StringComparison.Ordinal);
        Assert.Contains("too deeply nested", signs.Message, StringComparison.Ordinal);
        Assert.Contains("too deeply nested", chain.Message, StringComparison.Ordinal);
        Assert.Equal("1", PromQlParser.ParseExpr(new string('(', 100) + "1" + new string(')', 100)).ToString().Trim('(', ')'));
        Assert.IsType<Ast.BinaryExpr>(PromQlParser.ParseExpr(string.Join(" or ", Enumerable.Repeat("x", 900))));
    }

    [Fact]
    public void Long_and_deep_inputs_parse_quickly_or_fail_cleanly()
    {
        Check(string.Join(" + ", Enumerable.Repeat("rate(x[5m])", 999)));
        Check(string.Join(" ^ ", Enumerable.Repeat("2", 5_000)));
        Check(new string('(', 50_000));
        Check(new string('[', 50_000));
        Check(new string('{', 50_000));
        Check("x" + string.Concat(Enumerable.Repeat("[1m:]", 2_000)));
        Check("x" + string.Concat(Enumerable.Repeat(" offset 1m", 5_000)));
        Check("(" + string.Concat(Enumerable.Repeat("-{}-1", 10_000)) + ")" + string.Concat(Enumerable.Repeat("[1m:]", 1_000)));
        Check("x{a=\"" + new string('a', 200_000) + "\"}");
        Check("x{" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"l{i}=\"v\"")) + "}");
        Check("sum by (" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"l{i}")) + ") (x)");
        Check("x{a=~\"" + string.Concat(Enumerable.Repeat("(a|b)*", 300)) + "\"}");
        Check(new string('9', 100_000));
        Check("\"" + string.Concat(Enumerable.Repeat("\\u00e9", 50_000)) + "\"");
    }

    private static void Check(string query)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var printed = PromQlParser.ParseExpr(query).ToString();
            Assert.Equal(printed, PromQlParser.ParseExpr(printed).ToString());
        }
        catch (ParseException error)
        {
            Assert.InRange(error.Position.Start, 0, query.Length);
        }

        Assert.True(clock.Elapsed < PerQuery, $"took {clock.Elapsed} for {query[..Math.Min(query.Length, 200)]}");
    }
}
