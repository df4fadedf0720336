using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

public sealed class ScriptRunnerTests
{
    private static readonly LabelSet A = LabelSet.From(("job", "a"));
    private static readonly LabelSet B = LabelSet.From(("job", "b"));
    private static readonly ScriptRunOptions NoRangeMode = new() { CheckRangeMode = false, CheckAtModifier = false };
    private static readonly ScriptRunOptions RangeModeOnly = new() { CheckAtModifier = false };

    [Fact]
    public async Task Passes_an_unordered_match_within_the_epsilon()
    {
        var target = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([new Sample(B, t, 2), new Sample(A, t, 1.0000000001)])));
        var report = await Run("eval instant at 1m x\n  {job=\"a\"} 1\n  {job=\"b\"} 2\n", target, NoRangeMode);
        Assert.Equal((1, 0), (report.Passed, report.Failed));
    }

    [Fact]
    public async Task Names_missing_extra_and_wrong_series_with_file_and_line()
    {
        var target = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([new Sample(A, t, 5), new Sample(LabelSet.From(("job", "c")), t, 3)])));
        var report = await Run("load 1m\n  x 1\n\neval instant at 1m x\n  {job=\"a\"} 1\n  {job=\"b\"} 2\n", target, NoRangeMode);
        var failure = Assert.Single(report.Failures);
        Assert.StartsWith("f.test:4: x\n", failure, StringComparison.Ordinal);
        Assert.Contains("expected 1 for {job=\"a\"} but got 5", failure, StringComparison.Ordinal);
        Assert.Contains("unexpected metric {job=\"c\"} in result, has value 3", failure, StringComparison.Ordinal);
        Assert.Contains("expected metric {job=\"b\"} with 2 not found", failure, StringComparison.Ordinal);
        Assert.Contains("  got:\n    {job=\"a\"} 5", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nan_equals_nan_but_not_a_number()
    {
        var nan = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([new Sample(A, t, double.NaN)])));
        Assert.Equal(0, (await Run("eval instant at 0 x\n  {job=\"a\"} NaN\n", nan, NoRangeMode)).Failed);
        Assert.Equal(1, (await Run("eval instant at 0 x\n  {job=\"a\"} 1\n", nan, NoRangeMode)).Failed);
    }

    [Fact]
    public async Task Ordered_evals_check_positions()
    {
        var target = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([new Sample(B, t, 2), new Sample(A, t, 1)])));
        var report = await Run("eval_ordered instant at 0 x\n  {job=\"a\"} 1\n  {job=\"b\"} 2\n", target);
        Assert.Contains("expected metric {job=\"b\"} at position 2 but was at 1", Assert.Single(report.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Range_results_compare_points_on_the_step_grid()
    {
        var series = new Series(A, [new Point(0, 1), new Point(120_000, 3)]);
        var target = new FakeTarget((_, _) => QueryOutcome.Failed("unused"), (_, _, _, _) => FakeTarget.Answer(new MatrixValue([series])));
        Assert.Equal(0, (await Run("eval range from 0 to 2m step 1m x\n  {job=\"a\"} 1 _ 3\n", target)).Failed);
        var wrong = await Run("eval range from 0 to 2m step 1m x\n  {job=\"a\"} 1 2 3\n", target);
        Assert.Contains("expected 3 points [1 @0 2 @60000 3 @120000] for {job=\"a\"}, but got 2 points", Assert.Single(wrong.Failures), StringComparison.Ordinal);
        var tooMany = await Run("eval range from 0 to 2m step 1m x\n  {job=\"a\"} 1 _ 3 4\n", target);
        Assert.Contains("query time range cannot return this many points", Assert.Single(tooMany.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matrix_must_be_sorted_by_labels()
    {
        var target = new FakeTarget((_, _) => QueryOutcome.Failed("unused"),
            (_, _, _, _) => FakeTarget.Answer(new MatrixValue([new Series(B, [new Point(0, 2)]), new Series(A, [new Point(0, 1)])])));
        var report = await Run("eval range from 0 to 0 step 1m x\n  {job=\"a\"} 1\n  {job=\"b\"} 2\n", target);
        Assert.Contains("matrix results should always be sorted by labels", Assert.Single(report.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instant_evals_are_checked_again_in_range_mode()
    {
        var target = new FakeTarget(
            (_, t) => FakeTarget.Answer(new VectorValue([new Sample(A, t, 1)])),
            (_, start, _, step) => FakeTarget.Answer(new MatrixValue([new Series(A, [new Point(start, 1), new Point(start + step, 9), new Point(start + (2 * step), 1)])])));
        var report = await Run("eval instant at 5m x\n  {job=\"a\"} 1\n", target, RangeModeOnly);
        Assert.Contains("range mode: expected 1 for {job=\"a\"} but got 9", Assert.Single(report.Failures), StringComparison.Ordinal);
        Assert.Equal(["instant x @300000", "range x 240000..360000/60000"], target.Calls);
    }

    [Theory]
    [InlineData("eval_ordered instant at 5m x\n  {job=\"a\"} 1\n")]
    [InlineData("eval instant at 5m x @ end()\n  {job=\"a\"} 1\n")]
    [InlineData("eval instant at 5m x @ start()\n  {job=\"a\"} 1\n")]
    public async Task Range_mode_is_skipped_where_promqltest_skips_it(string script)
    {
        var target = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([new Sample(A, t, 1)])));
        var report = await Run(script, target, RangeModeOnly);
        Assert.Equal(0, report.Failed);
        Assert.Single(target.Calls);
    }

    [Fact]
    public async Task A_scalar_is_compared_in_range_mode_too()
    {
        var target = new FakeTarget(
            (_, t) => FakeTarget.Answer(new ScalarValue(t, 2)),
            (_, start, end, step) => FakeTarget.Answer(new MatrixValue([new Series(LabelSet.Empty, [new Point(start, 2), new Point(start + step, 2), new Point(end, 2)])])));
        Assert.Equal(0, (await Run("eval instant at 1m 2\n  2\n", target, RangeModeOnly)).Failed);
    }

    [Fact]
    public async Task Expected_errors()
    {
        var failing = new FakeTarget((_, _) => QueryOutcome.Failed("1:5: parse error: unclosed left parenthesis"));
        Assert.Equal(0, (await Run("eval_fail instant at 0 sum(\n  expected_fail_regexp unclosed\n", failing)).Failed);
        Assert.Equal(0, (await Run("eval_fail instant at 0 sum(\n", failing)).Failed);
        var wrongMessage = await Run("eval_fail instant at 0 sum(\n  expected_fail_message unclosed\n", failing);
        Assert.Contains("expected an error matching message \"unclosed\", but got: 1:5: parse error", Assert.Single(wrongMessage.Failures), StringComparison.Ordinal);
        var unexpected = await Run("eval instant at 0 sum(\n", failing);
        Assert.Contains("error evaluating query: 1:5: parse error", Assert.Single(unexpected.Failures), StringComparison.Ordinal);

        var succeeding = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([])));
        Assert.Contains("expected an error (any message) but the query succeeded", Assert.Single((await Run("eval_fail instant at 0 x\n", succeeding)).Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_and_infos_are_told_apart_by_their_prefix()
    {
        var target = new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([]), "PromQL info: metric might not be a counter"));
        Assert.Equal(0, (await Run("eval_info instant at 0 x\n", target, NoRangeMode)).Failed);
        Assert.Equal(0, (await Run("eval instant at 0 x\n  expect no_warn\n  expect info regex: counter\n", target, NoRangeMode)).Failed);
        Assert.Contains("expected warn annotations but got none", Assert.Single((await Run("eval_warn instant at 0 x\n", target, NoRangeMode)).Failures), StringComparison.Ordinal);
        Assert.Contains("unexpected info annotations", Assert.Single((await Run("eval instant at 0 x\n  expect no_info\n", target, NoRangeMode)).Failures), StringComparison.Ordinal);
        Assert.Contains("unexpected info annotation \"PromQL info: metric might not be a counter\"",
            Assert.Single((await Run("eval instant at 0 x\n  expect info msg: PromQL info: other\n", target, NoRangeMode)).Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instant_evals_are_run_again_with_at_modifiers_at_other_times()
    {
        var target = new FakeTarget((query, t) => FakeTarget.Answer(new VectorValue(query.Contains('@', StringComparison.Ordinal) || t == 300_000 ? [new Sample(A, t, 1)] : [])));
        Assert.Equal(0, (await Run("eval instant at 5m x\n  {job=\"a\"} 1\n", target, NoRangeMode with { CheckAtModifier = true })).Failed);
        Assert.Equal(["instant x @300000", "instant x @ 300.000 @-3000000", "instant x @ 300.000 @0", "instant x @ 300.000 @60000", "instant x @ 300.000 @300000", "instant x @ 300.000 @3000000"], target.Calls);

        var unpinned = new FakeTarget((query, t) => FakeTarget.Answer(new VectorValue(t == 300_000 ? [new Sample(A, t, 1)] : [])));
        var report = await Run("eval instant at 5m x\n  {job=\"a\"} 1\n", unpinned, NoRangeMode with { CheckAtModifier = true });
        Assert.Contains("with @ modifiers, evaluated at -3000000 ms as x @ 300.000: expected metric {job=\"a\"} with 1 not found", Assert.Single(report.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_fails_even_an_eval_fail()
    {
        var target = new ThrowingTarget();
        var report = await Run("eval_fail instant at 0 x\n", target);
        Assert.Contains("the engine crashed: InvalidOperationException: broken", Assert.Single(report.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_that_does_not_parse_is_one_failure_at_its_line()
    {
        var report = await Run("load 1m\n  x 1\n\nfrobnicate\n", new ThrowingTarget());
        Assert.Equal("f.test:4:\n  invalid script: invalid command \"frobnicate\"", Assert.Single(report.Failures));
    }

    [Fact]
    public async Task Each_eval_sees_the_data_loaded_before_it()
    {
        var seen = new List<int>();
        var script = "load 1m\n  a 1\n\neval instant at 0 a\n\nload 1m\n  b 1\n\neval instant at 0 a\n\nclear\neval instant at 0 a\n";
        await ScriptRunner.RunAsync("f.test", script, series =>
        {
            seen.Add(series.Count);
            return new FakeTarget((_, t) => FakeTarget.Answer(new VectorValue([])));
        }, NoRangeMode, TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 0], seen);
    }

    private static Task<ScriptReport> Run(string script, IQueryTarget target, ScriptRunOptions? options = null) =>
        ScriptRunner.RunAsync("f.test", script, _ => target, options, TestContext.Current.CancellationToken);

    private sealed class ThrowingTarget : IQueryTarget
    {
        public Task<QueryOutcome> InstantAsync(string query, long timeMs, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<QueryOutcome> RangeAsync(string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");
    }
}
