using System.Diagnostics;
using System.Text.RegularExpressions;
using AirisEpm.LogService.LogQl.Ast;
using AirisEpm.LogService.LogQl.Syntax;
using AirisEpm.LogService.Storage;
using Microsoft.Extensions.Options;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// Runs LogQL queries against the log store, as Loki's <c>query_range</c> and <c>query</c> do: parse
/// (<see cref="LogQlParser"/>), then answer a log query with streams and a metric query with a matrix
/// (range) or a vector or scalar (instant). Each query gets its own <see cref="QueryBudget"/> and the
/// timeout of <see cref="LogQlOptions"/>. Throws <see cref="LogQlParseException"/> for what does not parse
/// and <see cref="LogQlExecutionException"/> for what cannot be answered; a request cancelled by its caller
/// surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class LogQlEngine(ILogStore store, IOptions<LogQlOptions> options)
{
    private readonly LogQlOptions _options = options.Value;

    public LogQlOptions Options => _options;

    public Task<QueryResult> RangeQueryAsync(string query, long startNs, long endNs, long stepNs, int limit, bool backward, CancellationToken ct)
    {
        var expr = LogQlParser.Parse(query);
        if (endNs < startNs) throw new LogQlExecutionException(ExecutionProblem.BadRequest, "end timestamp must not be before start time");
        if (stepNs <= 0) throw new LogQlExecutionException(ExecutionProblem.BadRequest, "zero or negative query resolution step widths are not accepted. Try a positive integer");
        if (expr is SampleExpr && (endNs - startNs) / stepNs > _options.MaxPoints)
        {
            throw new LogQlExecutionException(ExecutionProblem.BadRequest,
                $"exceeded maximum resolution of {_options.MaxPoints:N0} points per time series. Try increasing the value of the step parameter");
        }

        CheckLimit(expr, limit);
        return RunAsync<QueryResult>(async context =>
        {
            if (expr is LogSelectorExpr log)
            {
                var streams = await new LogQueryEvaluator(context).EvaluateAsync(log, startNs, endNs, limit, backward);
                return new StreamsResult(streams, context.Statistics);
            }

            var grid = StepGrid.Range(startNs, endNs, stepNs);
            var value = await new SampleEvaluator(context).EvaluateAsync((SampleExpr)expr, grid);
            return new MatrixResult(ToMatrix(value, grid), grid, context.Statistics);
        }, ct);
    }

    public Task<QueryResult> InstantQueryAsync(string query, long timeNs, int limit, CancellationToken ct)
    {
        var expr = LogQlParser.Parse(query);
        if (expr is not SampleExpr sample)
        {
            throw new LogQlExecutionException(ExecutionProblem.BadRequest,
                "log queries are not supported as an instant query type, please change your query to a range query type");
        }

        CheckLimit(expr, limit);
        return RunAsync<QueryResult>(async context =>
        {
            var value = await new SampleEvaluator(context).EvaluateAsync(sample, StepGrid.Instant(timeNs));
            if (value is ScalarValue scalar) return new ScalarResult(scalar.Value, timeNs, context.Statistics);
            var samples = InstantOrder(sample, ((MatrixValue)value).Series.Where(s => s.Present[0]).Select(s => new VectorSample(s.Labels, s.Values[0])));
            return new VectorResult(samples, timeNs, context.Statistics);
        }, ct);
    }

    /// <summary>
    /// An instant vector's order, as Loki's: by labels, unless the query sorts (<c>sort</c>, <c>sort_desc</c>
    /// anywhere in it), then by value as the outermost one asks, ties by labels. Range results are always by labels.
    /// </summary>
    private static List<VectorSample> InstantOrder(SampleExpr expr, IEnumerable<VectorSample> samples)
    {
        var byLabels = samples.OrderBy(s => s.Labels, LabelOrder.Instance);
        return OutermostSort(expr) switch
        {
            "sort" => [.. byLabels.OrderBy(s => s.Value)],
            "sort_desc" => [.. byLabels.OrderByDescending(s => s.Value)],
            _ => [.. byLabels],
        };
    }

    private static string? OutermostSort(SampleExpr expr) => expr switch
    {
        VectorAggregationExpr { Function.Name: "sort" or "sort_desc" } sort => sort.Function.Name,
        VectorAggregationExpr vector => OutermostSort(vector.Inner),
        BinaryExpr binary => OutermostSort(binary.Left) ?? OutermostSort(binary.Right),
        LabelReplaceExpr replace => OutermostSort(replace.Inner),
        _ => null,
    };

    private void CheckLimit(LogQlExpr expr, int limit)
    {
        if (limit <= 0) throw new LogQlExecutionException(ExecutionProblem.BadRequest, "limit must be a positive value");
        if (expr is LogSelectorExpr && limit > _options.MaxEntriesLimit)
        {
            throw new LogQlExecutionException(ExecutionProblem.BadRequest,
                $"max entries limit per query exceeded, limit > max_entries_limit_per_query ({limit} > {_options.MaxEntriesLimit})");
        }
    }

    /// <summary>
    /// Runs a log query (a selector and pipeline, as <c>detected_fields</c> takes it), newest lines first, handing
    /// each of the first <paramref name="limit"/> that pass to <paramref name="visit"/>, within the query's bounds.
    /// </summary>
    public Task VisitLinesAsync(string query, long startNs, long endNs, int limit, LogQueryEvaluator.Visit visit, CancellationToken ct)
    {
        var expr = LogQlParser.Parse(query) as LogSelectorExpr
            ?? throw new LogQlExecutionException(ExecutionProblem.BadRequest, "only log selector is supported");
        if (endNs < startNs) throw new LogQlExecutionException(ExecutionProblem.BadRequest, "end timestamp must not be before start time");
        CheckLimit(expr, limit);
        return RunAsync(async context =>
        {
            await new LogQueryEvaluator(context).VisitAsync(expr, startNs, endNs, limit, backward: true, visit);
            return context.Statistics;
        }, ct);
    }

    /// <summary>
    /// Runs a log query over every line of the range that passes it, newest first, handing each to <paramref name="visit"/>:
    /// what counts over all matches (facets, patterns) rather than over a page. Bounded by the query budget (refused before
    /// reading when more records match than it allows) and the timeout; a metric query is refused (<see cref="ParseLogQuery"/>).
    /// </summary>
    public Task VisitEveryLineAsync(string query, long startNs, long endNs, LogQueryEvaluator.Visit visit, CancellationToken ct)
    {
        var expr = ParseLogQuery(query);
        if (endNs < startNs) throw new LogQlExecutionException(ExecutionProblem.BadRequest, "end timestamp must not be before start time");
        return RunAsync(async context =>
        {
            await new LogQueryEvaluator(context).VisitAsync(expr, startNs, endNs, int.MaxValue, backward: true, visit, readAll: true);
            return context.Statistics;
        }, ct);
    }

    /// <summary>
    /// A log query's tree; a metric query throws <see cref="LogQlExecutionException"/> (<see cref="ExecutionProblem.BadRequest"/>)
    /// naming what it is, and text that does not parse <see cref="LogQlParseException"/>.
    /// </summary>
    public static LogSelectorExpr ParseLogQuery(string query) => LogQlParser.Parse(query) as LogSelectorExpr
        ?? throw new LogQlExecutionException(ExecutionProblem.BadRequest,
            "a metric query (count_over_time, rate, sum by …) is not a log query: give a stream selector with line filters and parsers, such as {service_name=\"api\"} |= \"timeout\" | json");

    private async Task<T> RunAsync<T>(Func<EvaluationContext, Task<T>> evaluate, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.QueryTimeout);
        var context = new EvaluationContext(store, _options, timeout.Token);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await evaluate(context);
            context.Statistics.ExecTime = clock.Elapsed;
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new LogQlExecutionException(ExecutionProblem.Timeout,
                $"the query ran longer than {_options.QueryTimeout.TotalSeconds:0} s; narrow it with more label matchers, a line filter or a shorter time range");
        }
        catch (RegexMatchTimeoutException)
        {
            throw new LogQlExecutionException(ExecutionProblem.TooMuchWork,
                $"a regular expression took longer than {LogQlRegex.MatchTimeout.TotalSeconds:0} s on one line; simplify it or filter the lines first with |= \"text\"");
        }
    }

    /// <summary>A range query's series, sorted and without empty ones; a scalar fills every step of one unlabelled series, as in Loki.</summary>
    private static IReadOnlyList<Series> ToMatrix(SampleValue value, StepGrid grid)
    {
        if (value is ScalarValue scalar)
        {
            var series = new Series(LabelSet.Empty, grid.Count);
            for (var k = 0; k < grid.Count; k++) series.Set(k, scalar.Value);
            return [series];
        }

        return ((MatrixValue)value).Series.Where(s => !s.IsEmpty).OrderBy(s => s.Labels, LabelOrder.Instance).ToList();
    }
}
