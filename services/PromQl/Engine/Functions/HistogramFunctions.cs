using AirisEpm.PromQl.Ast;
using AirisEpm.PromQl.Engine.Aggregation;
using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Functions;

/// <summary>
/// histogram_quantile and histogram_fraction over classic histograms: the <c>_bucket</c> series that differ only
/// in <c>le</c> form one histogram per step; the result has their labels without <c>le</c> and the name.
/// </summary>
internal static class HistogramFunctions
{
    private const string BucketLabel = "le";

    public static async ValueTask<EvalValue> QuantileAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        var q = await evaluator.EvalScalarAsync(call.Args[0], grid, name);
        var input = await evaluator.EvalVectorAsync(call.Args[1], grid, name);
        foreach (var value in q)
        {
            if (OverTimeFunctions.QuantileWarning(value) is { } warning)
            {
                evaluator.Context.Warn(warning);
            }
        }

        return PerHistogram(evaluator.Context, input, (buckets, i) => ClassicBuckets.Quantile(q[i], buckets));
    }

    public static async ValueTask<EvalValue> FractionAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        var name = call.Function.Name;
        var lower = await evaluator.EvalScalarAsync(call.Args[0], grid, name);
        var upper = await evaluator.EvalScalarAsync(call.Args[1], grid, name);
        var input = await evaluator.EvalVectorAsync(call.Args[2], grid, name);
        return PerHistogram(evaluator.Context, input, (buckets, i) => ClassicBuckets.Fraction(lower[i], upper[i], buckets));
    }

    /// <summary>
    /// histogram_count, histogram_sum, histogram_avg, histogram_stddev, histogram_stdvar read native histograms
    /// only; float samples (all this engine stores) give no output, as in Prometheus.
    /// </summary>
    public static async ValueTask<EvalValue> NativeOnlyAsync(Evaluator evaluator, Call call, StepGrid grid)
    {
        await evaluator.EvalVectorAsync(call.Args[^1], grid, call.Function.Name);
        return new VectorResult([]);
    }

    private static VectorResult PerHistogram(QueryContext context, VectorResult input, Func<List<Bucket>, int, double> compute)
    {
        var groups = new Dictionary<LabelSet, int>();
        var members = new List<List<(StepSeries Series, double UpperBound)>>();
        var labels = new List<LabelSet>();
        var without = new[] { BucketLabel };
        foreach (var series in input.Series)
        {
            var le = series.Metric[BucketLabel];
            if (!PromFloat.TryParse(le, out var upperBound))
            {
                context.Warn($"PromQL warning: bucket label \"le\" is missing or has a malformed value of {PromQlString.Quote(le ?? "")}");
                continue;
            }

            var key = series.Metric.Without(without);
            if (!groups.TryGetValue(key, out var g))
            {
                g = members.Count;
                groups[key] = g;
                members.Add([]);
                labels.Add(QueryContext.DropName(key));
            }

            members[g].Add((series, upperBound));
        }

        var steps = input.Series.Count == 0 ? 0 : input.Series[0].Values.Length;
        var output = new List<StepSeries>(members.Count);
        var buckets = new List<Bucket>();
        for (var g = 0; g < members.Count; g++)
        {
            context.ThrowIfCancelled();
            var values = Missing.NewArray(steps);
            for (var i = 0; i < steps; i++)
            {
                buckets.Clear();
                foreach (var (series, upperBound) in members[g])
                {
                    var count = series.Values[i];
                    if (!Missing.Is(count))
                    {
                        buckets.Add(new Bucket(upperBound, count));
                    }
                }

                if (buckets.Count > 0)
                {
                    values[i] = compute(buckets, i);
                }
            }

            output.Add(new StepSeries(labels[g], values));
        }

        return new VectorResult(SeriesMerger.MergeSameLabels(output));
    }
}
