using AirisEpm.PromQl.Model;
using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class ScriptParserTests
{
    [Fact]
    public void Reads_load_clear_and_eval_commands_with_their_lines()
    {
        var commands = ScriptParser.Parse("""
            # a comment
            load 30s
                up{job="a"} 1 2
                up{job="b"} _ 3

            eval instant at 1m up
                up{job="a"} 2

            clear
            eval range from 0 to 2m step 1m up
                up{job="a"} 1 _ 2
            """);

        var load = Assert.IsType<LoadCommand>(commands[0]);
        Assert.Equal((2, 30_000L, 2), (load.Line, load.IntervalMs, load.Series.Count));
        var instant = Assert.IsType<EvalCommand>(commands[1]);
        Assert.Equal((6, "up", false, 60_000L, 60_000L), (instant.Line, instant.Expr, instant.IsRange, instant.StartMs, instant.EndMs));
        var expected = Assert.IsType<ExpectedSeriesSet>(instant.Expected);
        Assert.Equal(LabelSet.From(("__name__", "up"), ("job", "a")), expected.Series[0].Metric);
        Assert.IsType<ClearCommand>(commands[2]);
        var range = Assert.IsType<EvalCommand>(commands[3]);
        Assert.Equal((true, 0L, 120_000L, 60_000L), (range.IsRange, range.StartMs, range.EndMs, range.StepMs));
        Assert.Equal(3, Assert.IsType<ExpectedSeriesSet>(range.Expected).Series[0].Values.Count);
    }

    [Fact]
    public void A_comment_line_ends_a_block_as_in_promqltest()
    {
        var error = Assert.Throws<ScriptFormatException>(() => ScriptParser.Parse("load 1m\n  a 1\n  # note\n  b 2\n"));
        Assert.Equal(4, error.Line);
        Assert.Contains("invalid command", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scalar_line_is_a_scalar_expectation_and_ends_the_block()
    {
        var eval = (EvalCommand)ScriptParser.Parse("eval instant at 0 1 + 1\n  2\n")[0];
        Assert.Equal(2, Assert.IsType<ExpectedScalar>(eval.Expected).Value);
    }

    [Fact]
    public void Legacy_modifiers_and_their_messages()
    {
        var commands = ScriptParser.Parse("""
            eval_fail instant at 0 a
                expected_fail_message boom

            eval_fail instant at 0 b
                expected_fail_regexp bo+m

            eval_fail instant at 0 c

            eval_ordered instant at 0 d

            eval_warn range from 0 to 1m step 1m e

            eval_info instant at 0 f
            """).Cast<EvalCommand>().ToList();

        Assert.True(commands[0].Fail!.Matches("boom"));
        Assert.False(commands[0].Fail!.Matches("boom!"));
        Assert.True(commands[1].Fail!.Matches("a booom here"));
        Assert.True(commands[2].Fail!.Matches("anything"));
        Assert.True(commands[3].Ordered);
        Assert.True(commands[4].Warnings.AtLeastOne);
        Assert.True(commands[5].Infos.AtLeastOne);
        Assert.Null(commands[3].Fail);
    }

    [Fact]
    public void Expect_lines()
    {
        var eval = (EvalCommand)ScriptParser.Parse("""
            eval instant at 1m x
                expect ordered
                expect warn msg: PromQL warning: exact
                expect warn regex: some.*thing
                expect no_info
                {a="1"} 1
            """)[0];

        Assert.True(eval.Ordered);
        Assert.Equal(2, eval.Warnings.Patterns.Count);
        Assert.True(eval.Warnings.Patterns[0].Matches("PromQL warning: exact"));
        Assert.True(eval.Warnings.Patterns[1].Matches("xx something xx"));
        Assert.True(eval.Infos.None);
        Assert.Single(Assert.IsType<ExpectedSeriesSet>(eval.Expected).Series);
    }

    [Fact]
    public void Expect_fail_with_a_message()
    {
        var eval = (EvalCommand)ScriptParser.Parse("eval instant at 0 x\n  expect fail msg: bad thing\n")[0];
        Assert.True(eval.Fail!.Matches("bad thing"));
        Assert.False(eval.Fail.Matches("bad things"));
    }

    [Fact]
    public void Expect_range_vector_moves_the_evaluation_to_its_end_and_widens_the_grid()
    {
        var eval = (EvalCommand)ScriptParser.Parse("eval instant at 1m x[1m]\n  expect range vector from 10s to 1m step 10s\n  x 1 2 3 4 5 6\n")[0];
        Assert.Equal((10_000L, 60_000L, 10_000L), (eval.StartMs, eval.EndMs, eval.StepMs));
        Assert.True(eval.ExcludeFromRangeMode);
    }

    [Fact]
    public void Expect_string()
    {
        var eval = (EvalCommand)ScriptParser.Parse("eval instant at 0 \"a\"\n  expect string \"a\\tb\"\n")[0];
        Assert.Equal("a\tb", Assert.IsType<ExpectedString>(eval.Expected).Value);
        Assert.True(eval.ExcludeFromRangeMode);
    }

    [Fact]
    public void Series_may_be_loaded_in_several_blocks()
    {
        var data = new ScriptData();
        foreach (var load in ScriptParser.Parse("load 1m\n  a 1 2\n\nload 1m\n  a _ _ 3\n  b _\n").OfType<LoadCommand>())
        {
            data.Load(load);
        }

        var series = Assert.Single(data.Series);
        Assert.Equal([0L, 60_000L, 120_000L], series.Points.Select(p => p.T));
    }

    [Fact]
    public void A_second_different_sample_at_one_time_is_refused()
    {
        var data = new ScriptData();
        var loads = ScriptParser.Parse("load 1m\n  a 1\n\nload 1m\n  a 2\n").OfType<LoadCommand>().ToList();
        data.Load(loads[0]);
        var error = Assert.Throws<ScriptFormatException>(() => data.Load(loads[1]));
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("bogus 1", 1, "invalid command")]
    [InlineData("load", 1, "invalid load command")]
    [InlineData("load 0s\n a 1", 1, "invalid step")]
    [InlineData("load 1x\n a 1", 1, "invalid step")]
    [InlineData("load_with_nhcb 1m\n a_bucket{le=\"1\"} 1", 1, "native histograms")]
    [InlineData("load 1m\n a 1\n a 2", 3, "loaded twice")]
    [InlineData("load 1m\n a{ 1", 2, "invalid series description")]
    [InlineData("eval instant  x", 1, "an instant eval needs 'at <time>'")]
    [InlineData("eval instant at 1x x", 1, "invalid timestamp")]
    [InlineData("eval range from 2m to 1m step 1m x", 1, "end timestamp (1m) is before start timestamp (2m)")]
    [InlineData("eval range from 0 to 1m step 0s x", 1, "the step must be positive")]
    [InlineData("eval_ordered range from 0 to 1m step 1m x", 1, "invalid evaluation command")]
    [InlineData("eval soon x", 1, "invalid evaluation command")]
    [InlineData("eval instant at 0 x\n  {a=\"1\"} 1 2", 2, "expecting multiple values in instant evaluation not allowed")]
    [InlineData("eval instant at 0 x\n  {a=\"1\"}", 2, "has no value")]
    [InlineData("eval instant at 0 x\n  {a=\"1\"} 1\n  {a=\"1\"} 2", 3, "expected twice")]
    [InlineData("eval instant at 0 x\n  expect sometimes", 2, "invalid expect statement")]
    [InlineData("eval instant at 0 x\n  expect warn\n  expect no_warn", 3, "warn and no_warn cannot be used together")]
    [InlineData("eval instant at 0 x\n  expect fail\n  expect fail", 3, "multiple expect fail lines")]
    [InlineData("eval instant at 0 x\n  expect fail regex: (", 2, "invalid regex")]
    [InlineData("eval instant at 0 x\n  expect ordered msg: x", 2, "takes no message")]
    [InlineData("eval_fail instant at 0 x\n  expected_fail_regexp (", 2, "invalid regexp")]
    [InlineData("eval range from 0 to 1m step 1m x\n  expect range vector from 0 to 1m step 1m", 2, "belongs to an instant eval")]
    [InlineData("eval instant at 0 x\n  expect range vector from 1m to 0 step 1m", 2, "invalid range vector definition")]
    [InlineData("eval instant at 0 x\n  expect string nope", 2, "expected string literal not valid")]
    public void Names_the_line_and_the_problem(string script, int line, string reason)
    {
        var error = Assert.Throws<ScriptFormatException>(() => ScriptParser.Parse(script));
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
