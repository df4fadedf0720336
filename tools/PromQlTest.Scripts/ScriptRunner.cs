using System.Text.RegularExpressions;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// Runs a script: <c>load</c> and <c>clear</c> change the data, each eval queries a target built over the data
/// loaded so far (<paramref name="targetFor"/> of <see cref="RunAsync"/>) and is checked as promqltest checks it.
/// A script that does not parse, or a load that cannot be applied, is one failed outcome at its line.
/// </summary>
public static partial class ScriptRunner
{
    private const long RangeModeStepMs = 60_000;

    public static async Task<ScriptReport> RunAsync(
        string file, string text, Func<IReadOnlyList<Series>, IQueryTarget> targetFor, ScriptRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetFor);
        options ??= ScriptRunOptions.Default;
        IReadOnlyList<ScriptCommand> commands;
        try
        {
            commands = ScriptParser.Parse(text);
        }
        catch (ScriptFormatException ex)
        {
            return new ScriptReport(file, [new EvalOutcome(ex.Line, "", ["invalid script: " + ex.Reason])]);
        }

        var outcomes = new List<EvalOutcome>();
        var data = new ScriptData();
        IQueryTarget? target = null;
        foreach (var command in commands)
        {
            switch (command)
            {
                case ClearCommand:
                    data.Clear();
                    target = null;
                    break;
                case LoadCommand load:
                    try
                    {
                        data.Load(load);
                    }
                    catch (ScriptFormatException ex)
                    {
                        outcomes.Add(new EvalOutcome(ex.Line, "", ["invalid load: " + ex.Reason]));
                    }

                    target = null;
                    break;
                case EvalCommand eval:
                    target ??= targetFor(data.Series);
                    outcomes.Add(await RunEvalAsync(eval, target, options, cancellationToken).ConfigureAwait(false));
                    break;
            }
        }

        return new ScriptReport(file, outcomes);
    }

    public static async Task<EvalOutcome> RunEvalAsync(EvalCommand eval, IQueryTarget target, ScriptRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eval);
        ArgumentNullException.ThrowIfNull(options);
        var outcome = await RunOnceAsync(eval, eval.Expr, eval.EndMs, target, options, cancellationToken).ConfigureAwait(false);
        if (!outcome.Passed || eval.IsRange || eval.Fail is not null || !options.CheckAtModifier)
        {
            return outcome;
        }

        foreach (var (query, time) in AtModifierVariants.For(eval.Expr, eval.EndMs))
        {
            var checkedVariant = await RunOnceAsync(eval, query, time, target, options, cancellationToken).ConfigureAwait(false);
            if (!checkedVariant.Passed)
            {
                var at = $"with @ modifiers, evaluated at {time} ms as {query}: ";
                return checkedVariant with { Expr = eval.Expr, Problems = [.. checkedVariant.Problems.Select(p => at + p)] };
            }
        }

        return outcome;
    }

    /// <summary>
    /// One run of <paramref name="query"/> (the eval's, or an @-pinned variant) at <paramref name="timeMs"/>, checked
    /// against the eval's expectations, and for an instant eval once more in range mode around that time.
    /// </summary>
    private static async Task<EvalOutcome> RunOnceAsync(
        EvalCommand eval, string query, long timeMs, IQueryTarget target, ScriptRunOptions options, CancellationToken cancellationToken)
    {
        var (outcome, crash) = await QueryAsync(eval, query, timeMs, target, eval.IsRange, options, cancellationToken).ConfigureAwait(false);
        if (crash is not null)
        {
            return Failed(eval, crash, null);
        }

        var problems = Check(eval, outcome!);
        if (problems.Count > 0)
        {
            return Failed(eval, problems, outcome!.Result?.Value);
        }

        if (eval.IsRange || outcome!.Result is null || !RunsInRangeMode(eval, query, options))
        {
            return new EvalOutcome(eval.Line, eval.Expr, []);
        }

        var (rangeOutcome, rangeCrash) = await QueryAsync(eval, query, timeMs, target, true, options, cancellationToken).ConfigureAwait(false);
        if (rangeCrash is not null)
        {
            return Failed(eval, rangeCrash.Select(p => "range mode: " + p).ToList(), null);
        }

        if (rangeOutcome!.Error is not null)
        {
            return Failed(eval, [$"error evaluating the query in range mode: {rangeOutcome.Error}"], null);
        }

        var middle = MiddleStep(timeMs, rangeOutcome.Result!.Value, outcome.Result.Value is ScalarValue);
        var rangeProblems = ResultComparer.Compare(eval, middle);
        return rangeProblems.Count == 0
            ? new EvalOutcome(eval.Line, eval.Expr, [])
            : Failed(eval, rangeProblems.Select(p => "range mode: " + p).ToList(), middle);
    }

    private static bool RunsInRangeMode(EvalCommand eval, string query, ScriptRunOptions options) =>
        options.CheckRangeMode && !eval.ExcludeFromRangeMode && !eval.Ordered && !QueryContextFunctions().IsMatch(query);

    private static async Task<(QueryOutcome? Outcome, List<string>? Crash)> QueryAsync(
        EvalCommand eval, string query, long timeMs, IQueryTarget target, bool asRange, ScriptRunOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.QueryTimeout);
        try
        {
            var outcome = !asRange ? await target.InstantAsync(query, timeMs, timeout.Token).ConfigureAwait(false)
                : eval.IsRange ? await target.RangeAsync(query, eval.StartMs, eval.EndMs, eval.StepMs, timeout.Token).ConfigureAwait(false)
                : await target.RangeAsync(query, timeMs - RangeModeStepMs, timeMs + RangeModeStepMs, RangeModeStepMs, timeout.Token).ConfigureAwait(false);
            return (outcome, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, [$"the query did not finish within {options.QueryTimeout.TotalSeconds} s"]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
            return (null, [$"the engine crashed: {ex.GetType().Name}: {ex.Message}" + (frame is null ? "" : $" ({frame})")]);
        }
    }

    private static List<string> Check(EvalCommand eval, QueryOutcome outcome)
    {
        if (outcome.Error is not null)
        {
            return eval.Fail is null ? [$"error evaluating query: {outcome.Error}"]
                : eval.Fail.Matches(outcome.Error) ? []
                : [$"expected an error matching {eval.Fail}, but got: {outcome.Error}"];
        }

        if (eval.Fail is not null)
        {
            return [$"expected an error ({eval.Fail}) but the query succeeded"];
        }

        var problems = AnnotationChecker.Check(eval, [.. outcome.Result!.Warnings, .. outcome.Result.Infos]);
        problems.AddRange(ResultComparer.Compare(eval, outcome.Result.Value));
        return problems;
    }

    /// <summary>The range answer's step at <paramref name="t"/>, as the vector (or scalar) an instant query gives.</summary>
    private static QueryValue MiddleStep(long t, QueryValue range, bool scalar)
    {
        if (range is not MatrixValue matrix)
        {
            return range;
        }

        var samples = matrix.Series
            .SelectMany(s => s.Points.Where(p => p.T == t).Take(1).Select(p => new Sample(s.Metric, p.T, p.V)))
            .ToList();
        if (!scalar)
        {
            return new VectorValue(samples);
        }

        return samples.Count == 1 ? new ScalarValue(t, samples[0].V) : new VectorValue(samples);
    }

    private static EvalOutcome Failed(EvalCommand eval, IReadOnlyList<string> problems, QueryValue? got) =>
        new(eval.Line, eval.Expr, problems, got is null ? null : $"  expected:\n{ValueText.Describe(eval.Expected)}\n  got:\n{ValueText.Describe(got)}");

    [GeneratedRegex(@"(start|end|range|step)\(\)")]
    private static partial Regex QueryContextFunctions();
}
