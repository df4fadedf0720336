namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// Orderings and the binary heap of Go's <c>sort</c> and <c>container/heap</c> as Prometheus uses them, so ties
/// and NaNs come out where Prometheus puts them: which k elements <c>topk</c> keeps, and the order of
/// <c>sort</c>, <c>topk</c> and <c>bottomk</c> results (Go sorts up to 12 elements by insertion).
/// </summary>
internal static class GoSort
{
    /// <summary>Prometheus's <c>vectorByValueHeap.Less</c>: NaN first, then ascending.</summary>
    public static bool LessAscending(double a, double b) => double.IsNaN(a) || a < b;

    /// <summary>Prometheus's <c>vectorByReverseValueHeap.Less</c>: NaN first, then descending.</summary>
    public static bool LessDescending(double a, double b) => double.IsNaN(a) || a > b;

    /// <summary><c>sort.Sort(sort.Reverse(data))</c> for a Less on values: insertion sort up to 12 elements, otherwise a stable sort.</summary>
    public static void SortReversed<T>(List<T> items, Func<T, double> value, Func<double, double, bool> less)
    {
        // Reverse(data).Less(i, j) == data.Less(j, i).
        bool Before(T x, T y) => less(value(y), value(x));
        if (items.Count <= 12)
        {
            for (var i = 1; i < items.Count; i++)
            {
                for (var j = i; j > 0 && Before(items[j], items[j - 1]); j--)
                {
                    (items[j], items[j - 1]) = (items[j - 1], items[j]);
                }
            }

            return;
        }

        var indexed = items.Select((item, index) => (item, index)).ToList();
        indexed.Sort((x, y) => Before(x.item, y.item) ? -1 : Before(y.item, x.item) ? 1 : x.index.CompareTo(y.index));
        for (var i = 0; i < items.Count; i++)
        {
            items[i] = indexed[i].item;
        }
    }

    /// <summary><c>heap.Push</c>: append, then sift up.</summary>
    public static void Push<T, TLess>(List<T> heap, T item, TLess less)
        where TLess : ILess<T>
    {
        heap.Add(item);
        Up(heap, heap.Count - 1, less);
    }

    /// <summary><c>heap.Fix(h, 0)</c> after replacing the root.</summary>
    public static void FixRoot<T, TLess>(List<T> heap, TLess less)
        where TLess : ILess<T>
    {
        if (!Down(heap, 0, heap.Count, less))
        {
            Up(heap, 0, less);
        }
    }

    private static void Up<T, TLess>(List<T> heap, int j, TLess less)
        where TLess : ILess<T>
    {
        while (true)
        {
            var i = (j - 1) / 2;
            if (i == j || !less.Less(heap[j], heap[i]))
            {
                break;
            }

            (heap[i], heap[j]) = (heap[j], heap[i]);
            j = i;
        }
    }

    private static bool Down<T, TLess>(List<T> heap, int i0, int n, TLess less)
        where TLess : ILess<T>
    {
        var i = i0;
        while (true)
        {
            var j1 = (2 * i) + 1;
            if (j1 >= n || j1 < 0)
            {
                break;
            }

            var j = j1;
            var j2 = j1 + 1;
            if (j2 < n && less.Less(heap[j2], heap[j1]))
            {
                j = j2;
            }

            if (!less.Less(heap[j], heap[i]))
            {
                break;
            }

            (heap[i], heap[j]) = (heap[j], heap[i]);
            i = j;
        }

        return i > i0;
    }
}

/// <summary>A heap's order as a struct, so heap operations in hot loops neither allocate nor call through delegates.</summary>
internal interface ILess<in T>
{
    bool Less(T a, T b);
}
