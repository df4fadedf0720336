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
        var heaps = new List<int>[groups];
        for (var g = 0; g < groups; g++)
        {
            heaps[g] = [];
        }

        var outputs = new Dictionary<int, StepSeries>();
        var order = new List<int>();
        for (var i = 0; i < steps; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var limit = Math.Min((long)k[i], input.Count);
            if (limit < 1)
            {
                continue;
            }

            var step = i;
            bool HeapLess(int a, int b) => less(input[a].Values[step], input[b].Values[step]);
            foreach (var heap in heaps)
            {
                heap.Clear();
            }

            for (var s = 0; s < input.Count; s++)
            {
                var v = input[s].Values[i];
                if (Missing.Is(v))
                {
                    continue;
                }

                var heap = heaps[groupOf[s]];
                if (heap.Count < limit)
                {
                    GoSort.Push(heap, s, HeapLess);
                    continue;
                }

                var root = input[heap[0]].Values[i];
                var replaces = top ? root < v : root > v;
                if (replaces || (double.IsNaN(root) && !double.IsNaN(v)))
                {
                    heap[0] = s;
                    if (limit > 1)
                    {
                        GoSort.FixRoot(heap, HeapLess);
                    }
                }
            }

            foreach (var heap in heaps)
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

                    output.Values[i] = input[s].Values[i];
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
}
