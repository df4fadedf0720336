using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// A range query evaluated in blocks of steps, so that what it reads from the store at once stays under
/// <c>--query.max-samples</c> as Prometheus's limit means it: Prometheus counts the points a step holds (its
/// selectors' points for that step, the results so far), not the samples its chunk iterators read, so a
/// <c>sum(rate(x[5m]))</c> over 10,000 series and 24 hours answers although it reads 57 million samples. Our
/// store hands the engine whole windows, so the query first runs as one block; a block whose reads meet the
/// budget (<see cref="SampleLimitException"/>) is split in two halves of its steps, down to one step. One step
/// that still reads more than the budget really holds that many points at once and answers Prometheus's
/// <c>execution</c> error, as does a result whose joined points pass the budget (Prometheus holds a range
/// query's output too). Each step depends only on its time and the query's bounds (<see cref="QueryBounds"/>),
/// so the joined blocks are the whole query's answer. Cost: a split block's reads up to the budget are wasted
/// (at most one budget per halving).
/// </summary>
public static class RangeBlocks
{
    /// <summary>
    /// Evaluates steps <paramref name="startMs"/> to <paramref name="endMs"/> through <paramref name="block"/>
    /// (the block's first and last step), splitting on <see cref="SampleLimitException"/>. The first block is the
    /// whole range, so the engine checks the step and range before any split.
    /// </summary>
    public static async Task<QueryResult> EvaluateAsync(
        Func<long, long, Task<QueryResult>> block, long startMs, long endMs, long stepMs, long maxSamples)
    {
        ArgumentNullException.ThrowIfNull(block);
        var pending = new Stack<(long From, long To)>();
        pending.Push((startMs, endMs));
        var joined = new Joined();
        while (pending.TryPop(out var range))
        {
            QueryResult result;
            try
            {
                result = await block(range.From, range.To);
            }
            catch (SampleLimitException) when (range.To - range.From >= stepMs)
            {
                var steps = (range.To - range.From) / stepMs + 1;
                var lastOfFirst = range.From + ((steps / 2) - 1) * stepMs;
                // Later half first on the stack: blocks run and join in time order.
                pending.Push((lastOfFirst + stepMs, range.To));
                pending.Push((range.From, lastOfFirst));
                continue;
            }
            catch (SampleLimitException)
            {
                throw new PromQlException(PromQlErrorType.Execution, SampleBudget.ExceededMessage);
            }

            joined.Add(result);
            if (joined.Points > maxSamples)
            {
                throw new PromQlException(PromQlErrorType.Execution, SampleBudget.ExceededMessage);
            }
        }

        return joined.Result();
    }

    /// <summary>The blocks' answers so far: each series' points in time order, warnings without repeats, summed costs.</summary>
    private sealed class Joined
    {
        private readonly Dictionary<LabelSet, List<Point>> _series = [];
        private readonly List<string> _warnings = [];
        private readonly List<string> _infos = [];
        private QueryResult? _only;
        private int _blocks;
        private long _loaded;
        private long _peak;
        private TimeSpan _elapsed;

        public long Points { get; private set; }

        public void Add(QueryResult result)
        {
            _blocks++;
            _only = _blocks == 1 ? result : null;
            _loaded += result.Stats.SamplesLoaded;
            _peak = Math.Max(_peak, result.Stats.PeakSamples);
            _elapsed += result.Stats.Elapsed;
            _warnings.AddRange(result.Warnings.Except(_warnings));
            _infos.AddRange(result.Infos.Except(_infos));
            foreach (var series in ((MatrixValue)result.Value).Series)
            {
                if (!_series.TryGetValue(series.Metric, out var points))
                {
                    _series[series.Metric] = points = [];
                }

                points.AddRange(series.Points);
                Points += series.Points.Count;
            }
        }

        public QueryResult Result()
        {
            if (_only is not null)
            {
                return _only;
            }

            var series = _series.Select(s => new Series(s.Key, s.Value)).ToList();
            series.Sort(static (a, b) => LabelOrder.Instance.Compare(a.Metric, b.Metric));
            var stats = new QueryStats(_loaded, series.Count, _elapsed) { PeakSamples = _peak };
            return new QueryResult(new MatrixValue(series), _warnings, stats) { Infos = _infos };
        }
    }
}
