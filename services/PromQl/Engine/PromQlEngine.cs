using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;
using AirisEpm.PromQl.Parser;

namespace AirisEpm.PromQl.Engine;

/// <summary>
/// Evaluates PromQL as Prometheus 3 does, over any <see cref="ISeriesSource"/>: instant queries answer a vector,
/// scalar, string or (for a range selector or subquery) matrix; range queries a matrix sorted by labels.
/// Failures are <see cref="PromQlException"/>s with Prometheus's messages and error types.
/// </summary>
public sealed class PromQlEngine
{
    private readonly TimeProvider _time;

    public PromQlEngine(EngineOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new EngineOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid PromQL engine options: " + string.Join(" ", problems), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
    }

    public EngineOptions Options { get; }

    /// <summary>Parses and evaluates <paramref name="query"/> at <paramref name="timeMs"/>; a query that does not parse is a <see cref="ParseException"/> (bad data).</summary>
    public Task<QueryResult> InstantAsync(ISeriesSource source, string query, long timeMs, CancellationToken cancellationToken) =>
        RunAsync(source, PromQlParser.ParseExpr(query), query, timeMs, timeMs, 0, cancellationToken);

    /// <summary>Parses and evaluates <paramref name="query"/> at every step from <paramref name="startMs"/> to <paramref name="endMs"/>.</summary>
    public Task<QueryResult> RangeAsync(ISeriesSource source, string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken) =>
        RangeAsync(source, PromQlParser.ParseExpr(query), query, startMs, endMs, stepMs, cancellationToken);

    /// <summary>Evaluates <paramref name="expr"/> at <paramref name="timeMs"/> (Unix milliseconds).</summary>
    public Task<QueryResult> InstantAsync(ISeriesSource source, Expr expr, long timeMs, CancellationToken cancellationToken) =>
        RunAsync(source, expr, null, timeMs, timeMs, 0, cancellationToken);

    /// <summary>Evaluates <paramref name="expr"/> at every step from <paramref name="startMs"/> to <paramref name="endMs"/>.</summary>
    public Task<QueryResult> RangeAsync(
        ISeriesSource source, Expr expr, long startMs, long endMs, long stepMs, CancellationToken cancellationToken) =>
        RangeAsync(source, expr, null, startMs, endMs, stepMs, cancellationToken);

    /// <summary>
    /// Evaluates the steps from <paramref name="startMs"/> to <paramref name="endMs"/> of a longer range query whose
    /// own range is <paramref name="bounds"/> (what <c>@ start()</c> and <c>@ end()</c> pin to): one block of a range
    /// query evaluated in parts. Every step of a range query depends only on its own time and those bounds, so the
    /// blocks' series, joined, are the whole query's.
    /// </summary>
    public Task<QueryResult> RangeAsync(
        ISeriesSource source, Expr expr, long startMs, long endMs, long stepMs, QueryBounds bounds, CancellationToken cancellationToken) =>
        RangeAsync(source, expr, null, startMs, endMs, stepMs, cancellationToken, bounds);

    private Task<QueryResult> RangeAsync(
        ISeriesSource source, Expr expr, string? query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken, QueryBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(expr);
        if (stepMs <= 0)
        {
            throw new PromQlException(PromQlErrorType.BadData, "zero or negative query resolution step widths are not accepted. Try a positive integer");
        }

        if (endMs < startMs)
        {
            throw new PromQlException(PromQlErrorType.BadData, "end timestamp must not be before start time");
        }

        if ((endMs - startMs) / stepMs > Options.MaxPointsPerSeries)
        {
            throw new PromQlException(
                PromQlErrorType.BadData,
                $"exceeded maximum resolution of {Options.MaxPointsText} points per timeseries. Try decreasing the query resolution (?step=XX)");
        }

        if (expr.Type is not (Ast.ValueType.Vector or Ast.ValueType.Scalar))
        {
            throw new PromQlException(
                PromQlErrorType.BadData, $"invalid expression type \"{expr.Type.DocumentedName()}\" for range query, must be Scalar or instant Vector");
        }

        return RunAsync(source, expr, query, startMs, endMs, stepMs, cancellationToken, bounds);
    }

    /// <summary>Evaluates on the grid of one step (<paramref name="stepMs"/> 0) or of the range; <paramref name="query"/> is the text, when known, that annotations cite positions in.</summary>
    private async Task<QueryResult> RunAsync(
        ISeriesSource source, Expr expr, string? query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken, QueryBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(expr);
        var started = _time.GetTimestamp();
        using var timeout = new CancellationTokenSource(Options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var context = new QueryContext(source, Options, startMs, endMs, stepMs, bounds ?? new QueryBounds(startMs, endMs), linked.Token);
        try
        {
            var grid = stepMs == 0 ? StepGrid.Single(startMs) : StepGrid.Between(startMs, endMs, stepMs);
            var value = await new Evaluator(context).EvalAsync(expr, grid, null);
            var result = stepMs == 0 ? InstantValue(value, context) : RangeValue(value, context);
            var series = result switch
            {
                VectorValue vector => vector.Samples.Count,
                MatrixValue matrix => matrix.Series.Count,
                _ => 0,
            };
            var stats = new QueryStats(context.SamplesLoaded, series, _time.GetElapsedTime(started)) { PeakSamples = context.Samples.Peak };
            return new QueryResult(result, context.Annotations.Warnings(query), stats) { Infos = context.Annotations.Infos(query) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new PromQlException(PromQlErrorType.Canceled, "query was canceled in expression evaluation");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new PromQlException(PromQlErrorType.Timeout, "query timed out in expression evaluation");
        }
    }

    private static QueryValue InstantValue(EvalValue value, QueryContext context)
    {
        var time = context.StartMs;
        switch (value)
        {
            case ScalarResult scalar:
                return new ScalarValue(time, scalar.Values[0]);
            case StringResult text:
                return new StringValue(time, text.Value);
            case RangeResult range:
            {
                var end = range.WindowEnd(StepGrid.Single(time), 0);
                var series = new List<Series>(range.Series.Count);
                long windowed = 0;
                foreach (var s in range.Series)
                {
                    var points = s.Points.AsSpan();
                    var from = Evaluator.FirstAtOrAfter(points, end - range.RangeMs + 1);
                    var to = Evaluator.FirstAtOrAfter(points, end + 1);
                    if (to > from)
                    {
                        series.Add(new Series(s.Metric, points[from..to].ToArray()));
                        windowed += to - from;
                    }
                }

                if (range.FromSelector)
                {
                    // A range selector answered as such holds its windows' points (a subquery's are held already).
                    context.Samples.Hold(windowed);
                }

                series.Sort(static (a, b) => LabelOrder.Instance.Compare(a.Metric, b.Metric));
                return new MatrixValue(series);
            }

            case VectorResult vector:
            {
                var samples = new List<Sample>(vector.Series.Count);
                foreach (var s in vector.Series)
                {
                    if (!Missing.Is(s.Values[0]))
                    {
                        samples.Add(new Sample(s.Metric, time, s.Values[0]));
                    }
                }

                return new VectorValue(samples);
            }

            default:
                throw new InvalidOperationException($"unexpected evaluation result {value.GetType().Name}");
        }
    }

    private static MatrixValue RangeValue(EvalValue value, QueryContext context)
    {
        var grid = StepGrid.Between(context.StartMs, context.EndMs, context.StepMs);
        var stepSeries = value switch
        {
            VectorResult vector => vector.Series,
            ScalarResult scalar => [new StepSeries(LabelSet.Empty, scalar.Values)],
            _ => throw new InvalidOperationException($"unexpected evaluation result {value.GetType().Name}"),
        };

        var series = new List<Series>(stepSeries.Count);
        foreach (var s in stepSeries)
        {
            var count = s.PresentCount();
            if (count == 0)
            {
                continue;
            }

            var points = new Point[count];
            var next = 0;
            for (var i = 0; i < s.Values.Length; i++)
            {
                if (!Missing.Is(s.Values[i]))
                {
                    points[next++] = new Point(grid.TimeAt(i), s.Values[i]);
                }
            }

            series.Add(new Series(s.Metric, points));
        }

        series.Sort(static (a, b) => LabelOrder.Instance.Compare(a.Metric, b.Metric));
        return new MatrixValue(series);
    }
}
