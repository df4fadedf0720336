using System.Runtime.InteropServices;

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
    public static void SortReversed<T>(List<T> items, Func<T, double> value, Func<double, double, bool> less) =>
        SortReversed(CollectionsMarshal.AsSpan(items), value, less);

    /// <inheritdoc cref="SortReversed{T}(List{T}, Func{T, double}, Func{double, double, bool})"/>
    public static void SortReversed<T>(Span<T> items, Func<T, double> value, Func<double, double, bool> less)
    {
        // Reverse(data).Less(i, j) == data.Less(j, i).
        bool Before(T x, T y) => less(value(y), value(x));
        if (items.Length <= 12)
        {
            for (var i = 1; i < items.Length; i++)
            {
                for (var j = i; j > 0 && Before(items[j], items[j - 1]); j--)
                {
                    (items[j], items[j - 1]) = (items[j - 1], items[j]);
                }
            }

            return;
        }

        var indexed = new (T Item, int Index)[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            indexed[i] = (items[i], i);
        }

        Array.Sort(indexed, (x, y) => Before(x.Item, y.Item) ? -1 : Before(y.Item, x.Item) ? 1 : x.Index.CompareTo(y.Index));
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = indexed[i].Item;
        }
    }

    /// <summary><c>heap.Push</c> of the item just written at the end of <paramref name="heap"/>: sift it up.</summary>
    public static void PushLast<T, TLess>(Span<T> heap, TLess less)
        where TLess : ILess<T>
    {
        var j = heap.Length - 1;
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

    /// <summary><c>heap.Fix(h, 0)</c> after replacing the root (the root can only go down).</summary>
    public static void FixRoot<T, TLess>(Span<T> heap, TLess less)
        where TLess : ILess<T>
    {
        var i = 0;
        while (true)
        {
            var j1 = (2 * i) + 1;
            if (j1 >= heap.Length || j1 < 0)
            {
                break;
            }

            var j = j1;
            var j2 = j1 + 1;
            if (j2 < heap.Length && less.Less(heap[j2], heap[j1]))
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
    }
}

/// <summary>A heap's order as a struct, so heap operations in hot loops neither allocate nor call through delegates.</summary>
internal interface ILess<in T>
{
    bool Less(T a, T b);
}
