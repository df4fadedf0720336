using AirisEpm.PromQl.Engine.Evaluation;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Aggregation;

/// <summary>
/// topk and bottomk: per step and group, the k largest (smallest) samples with their own labels, chosen with
/// Prometheus's heap (earlier series win ties, NaN loses) and listed in its order. Series come one at a time
/// (<see cref="ISeriesSink"/>) and each step's heap keeps the values it chose, so a function over a range vector can
/// stream its results in; within a step the series enter the heaps in input order, so the choice is the step-by-step one.
/// </summary>
internal sealed class TopKSelection(bool top, double[] k, Grouping grouping, int steps, CancellationToken cancellationToken) : ISeriesSink
{
    private readonly List<LabelSet> _metrics = [];
    private readonly Dictionary<LabelSet, Group> _groupOf = [];
    private readonly List<Group> _groups = [];

    // No heap grows past the largest k.
    private readonly int _room = k.Length == 0 || double.IsNaN(k.Max()) ? 1 : (int)Math.Clamp(k.Max(), 1, int.MaxValue);
    private double[]? _buffer;

    public double[] Rent(int length)
    {
        _buffer ??= new double[length];
        _buffer.AsSpan().Fill(Missing.Value);
        return _buffer;
    }

    public void Accept(LabelSet metric, double[] values)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var series = _metrics.Count;
        _metrics.Add(metric);
        var group = GroupOf(grouping.KeyOf(metric));
        var less = new ByValue(top);
        for (var step = 0; step < steps; step++)
        {
            var v = values[step];
            var limit = (long)k[step];
            if (Missing.Is(v) || limit < 1)
            {
                continue;
            }

            var size = group.Sizes[step];
            if (size < limit)
            {
                var grown = group.Heap(step, size + 1);
                grown[size] = new Entry(v, series);
                GoSort.PushLast(grown, less);
                group.Sizes[step]++;
                continue;
            }

            var heap = group.Heap(step, size);
            var root = heap[0].Value;
            if ((top ? root < v : root > v) || (double.IsNaN(root) && !double.IsNaN(v)))
            {
                heap[0] = new Entry(v, series);
                if (limit > 1)
                {
                    GoSort.FixRoot(heap, less);
                }
            }
        }
    }

    /// <summary>Each chosen series with its values at the steps it was chosen, in the order Prometheus lists them.</summary>
    public List<StepSeries> Result()
    {
        CheckParameter(k);
        if (k.Max() < 1 || _metrics.Count == 0)
        {
            return [];
        }

        Func<double, double, bool> less = top ? GoSort.LessAscending : GoSort.LessDescending;
        var outputs = new Dictionary<int, StepSeries>();
        var order = new List<int>();
        for (var step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var group in _groups)
            {
                var heap = group.Heap(step, group.Sizes[step]);
                if (heap.Length > 1)
                {
                    GoSort.SortReversed(heap, static e => e.Value, less);
                }

                foreach (var entry in heap)
                {
                    if (!outputs.TryGetValue(entry.Series, out var output))
                    {
                        output = new StepSeries(_metrics[entry.Series], Missing.NewArray(steps));
                        outputs[entry.Series] = output;
                        order.Add(entry.Series);
                    }

                    output.Values[step] = entry.Value;
                }
            }
        }

        return order.ConvertAll(s => outputs[s]);
    }

    private Group GroupOf(LabelSet key)
    {
        if (!_groupOf.TryGetValue(key, out var group))
        {
            group = new Group(steps, _room);
            _groupOf[key] = group;
            _groups.Add(group);
        }

        return group;
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

    private readonly record struct Entry(double Value, int Series);

    /// <summary>The heap order of entries by value: topk keeps the smallest at the root, bottomk the largest.</summary>
    private readonly struct ByValue(bool top) : ILess<Entry>
    {
        public bool Less(Entry a, Entry b) => top ? GoSort.LessAscending(a.Value, b.Value) : GoSort.LessDescending(a.Value, b.Value);
    }

    /// <summary>One group's heaps, one per step, side by side in one array of a capacity that grows as heaps do.</summary>
    private sealed class Group(int steps, int room)
    {
        private Entry[] _entries = [];
        private int _capacity;

        public int[] Sizes { get; } = new int[steps];

        /// <summary>The first <paramref name="length"/> entries of a step's heap, growing every heap's room as needed.</summary>
        public Span<Entry> Heap(int step, int length)
        {
            if (length > _capacity)
            {
                var capacity = Math.Max(length, Math.Min(_capacity * 2, room));
                var entries = new Entry[(long)capacity * steps];
                for (var s = 0; s < steps; s++)
                {
                    _entries.AsSpan(s * _capacity, Sizes[s]).CopyTo(entries.AsSpan(s * capacity));
                }

                (_entries, _capacity) = (entries, capacity);
            }

            return _entries.AsSpan(step * _capacity, length);
        }
    }
}
