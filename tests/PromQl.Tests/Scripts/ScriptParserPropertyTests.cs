using AirisEpm.PromQlTest.Scripts;
using CsCheck;

namespace AirisEpm.PromQl.Tests.Scripts;

/// <summary>
/// Random and mutated script text: the script parser either reads it or throws <see cref="ScriptFormatException"/>
/// naming a line of the text; never another exception, never a hang.
/// </summary>
public sealed class ScriptParserPropertyTests
{
    private const string Valid = """
        load 1m
            http_requests_total{job="api", code='500'} 0+10x5 _ stale 1-2x3 _x2 Inf -NaN
            {"dotted.name", x=`raw`} 1e3x2 .5

        clear
        eval instant at 5m sum by (job) (http_requests_total)
            expect warn regex: a.*b
            expect no_info
            {job="api"} 50

        eval range from 0 to 10m step 5m http_requests_total
            http_requests_total{job="api"} 0 50 _

        eval_fail instant at 0 rate(x)
            expected_fail_regexp expected type

        eval instant at 1m x[1m]
            expect range vector from 10s to 1m step 10s
            x 1 2 3 4 5 6

        eval instant at 0 "s"
            expect string "s\t"

        eval instant at 0 1
            -0x1f
        """;

    private static readonly string[] FragmentTexts =
    [
        "load ", "eval ", "eval_fail ", "eval_ordered ", "instant at ", "range from ", " to ", " step ", "clear", "\n", "\n\n", " ",
        "1m", "0", "5m30s", "x", "{", "}", "\"", "'", "`", "\\", "=", ",", "_", "_x", "stale", "+", "-", "Inf", "NaN", "1e",
        "expect ", "fail", "warn", "ordered", "no_info", " msg:", " regex:", "(", "expect range vector", "expect string",
        "expected_fail_message", "expected_fail_regexp", "#", "99999999999", "x9999", "\t", "\r", "é", "\0",
    ];

    private static readonly Gen<string> Fragments = Gen.Int[0, FragmentTexts.Length - 1].Select(i => FragmentTexts[i]);

    [Fact]
    public void The_valid_script_parses() => Assert.NotEmpty(ScriptParser.Parse(Valid));

    [Fact]
    public void Random_text_parses_or_fails_with_a_line()
    {
        Gen.String.Sample(Check, iter: 3000);
        Fragments.Array[0, 40].Select(string.Concat).Sample(Check, iter: 5000);
    }

    [Fact]
    public void Mutated_valid_scripts_parse_or_fail_with_a_line()
    {
        var mutation = Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 12], Fragments, (at, length, insert) => (at, length, insert));
        mutation.Array[1, 6].Sample(mutations =>
        {
            var text = Valid;
            foreach (var (at, length, insert) in mutations)
            {
                var start = Math.Min(at, text.Length);
                var cut = Math.Min(length, text.Length - start);
                text = text.Remove(start, cut).Insert(start, insert);
            }

            Check(text);
        }, iter: 5000);
    }

    private static void Check(string text)
    {
        var lines = text.Split('\n').Length;
        try
        {
            ScriptParser.Parse(text);
        }
        catch (ScriptFormatException ex)
        {
            Assert.InRange(ex.Line, 1, lines);
            Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        }
    }
}
