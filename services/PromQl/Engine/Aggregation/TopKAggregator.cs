using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>
/// topk and bottomk: per step and group, the k largest (smallest) samples with their own labels, chosen with
/// Prometheus's heap (earlier series win ties, NaN loses) and listed in its order.
/// </summary>
internal static class TopKAggregator
{
    public static List<StepSeries> Aggregate(
        bool top, double[] k, List<StepSeries> input, int[] groupOf, int groups, int steps, CancellationToken cancellationToken)
    {
        CheckParameter(k);
        var max = double.NegativeInfinity;
        foreach (var value in k)
        {
            max = Math.Max(max, value);
        }

        if (max < 1 || input.Count == 0)
        {
            return [];
        }

        Func<double, double, bool> less = top ? GoSort.LessAscending : GoSort.LessDescending;

        // Steps are taken in blocks so each series' values are read in runs (cache-friendly); within a step the
        // series still enter the heaps in input order, so the choice is the step-by-step one.
        const int Block = 64;
        var heaps = new List<int>[Block][];
        for (var b = 0; b < Block; b++)
        {
            heaps[b] = new List<int>[groups];
            for (var g = 0; g < groups; g++)
            {
                heaps[b][g] = [];
            }
        }

        var outputs = new Dictionary<int, StepSeries>();
        var order = new List<int>();
        for (var first = 0; first < steps; first += Block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Block, steps - first);
            foreach (var block in heaps.AsSpan(0, count))
            {
                foreach (var heap in block)
                {
                    heap.Clear();
                }
            }

            for (var s = 0; s < input.Count; s++)
            {
                var values = input[s].Values;
                for (var b = 0; b < count; b++)
                {
                    var v = values[first + b];
                    var limit = Math.Min((long)k[first + b], input.Count);
                    if (Missing.Is(v) || limit < 1)
                    {
                        continue;
                    }

                    var step = first + b;
                    var heap = heaps[b][groupOf[s]];
                    if (heap.Count < limit)
                    {
                        GoSort.Push(heap, s, new ByValueAtStep(input, step, top));
                        continue;
                    }

                    var root = input[heap[0]].Values[step];
                    var replaces = top ? root < v : root > v;
                    if (replaces || (double.IsNaN(root) && !double.IsNaN(v)))
                    {
                        heap[0] = s;
                        if (limit > 1)
                        {
                            GoSort.FixRoot(heap, new ByValueAtStep(input, step, top));
                        }
                    }
                }
            }

            for (var b = 0; b < count; b++)
            {
                var step = first + b;
                foreach (var heap in heaps[b])
                {
                    if (heap.Count > 1)
                    {
                        GoSort.SortReversed(heap, s => input[s].Values[step], less);
                    }

                    foreach (var s in heap)
                    {
                        if (!outputs.TryGetValue(s, out var output))
                        {
                            output = new StepSeries(input[s].Metric, Missing.NewArray(steps));
                            outputs[s] = output;
                            order.Add(s);
                        }

                        output.Values[step] = input[s].Values[step];
                    }
                }
            }
        }

        return order.ConvertAll(s => outputs[s]);
    }

    private static void CheckParameter(double[] k)
    {
        foreach (var value in k)
        {
            if (double.IsNaN(value))
            {
                throw QueryContext.Error("Parameter value is NaN");
            }
        }

        foreach (var value in k)
        {
            if (value <= long.MinValue)
            {
                throw QueryContext.Error($"Scalar value {PromFloat.FormatG(value)} underflows int64");
            }

            if (value >= long.MaxValue)
            {
                throw QueryContext.Error($"Scalar value {PromFloat.FormatG(value)} overflows int64");
            }
        }
    }

    /// <summary>The heap order of series by their value at one step: topk keeps the smallest at the root, bottomk the largest.</summary>
    private readonly struct ByValueAtStep(List<StepSeries> input, int step, bool top) : ILess<int>
    {
        public bool Less(int a, int b) => top
            ? GoSort.LessAscending(input[a].Values[step], input[b].Values[step])
            : GoSort.LessDescending(input[a].Values[step], input[b].Values[step]);
    }
}
