using System.Collections;

namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// A list one writer appends to while any number of readers read it without locks: the writer fills slots past the
/// published count in place (a new array, twice as large, only when the current one is full) and then publishes a
/// new <see cref="View"/>; a view's first <c>Count</c> slots never change. Appending n items costs O(n) amortised, so
/// 100,000 series arriving in 50 batches copy about 200,000 references in all, not 50 arrays of up to 100,000.
/// </summary>
public sealed class AppendOnlyList<T>
{
    private volatile View _view = new([], 0);

    /// <summary>The items appended so far, unchanged by later appends.</summary>
    public View Current => _view;

    /// <summary>Appends <paramref name="items"/>; call from one writer at a time.</summary>
    public void AddRange(IReadOnlyCollection<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var (array, count) = (_view.Items, _view.Count);
        if (count + items.Count > array.Length)
        {
            var grown = new T[Math.Max(Math.Max(4, array.Length * 2), count + items.Count)];
            Array.Copy(array, grown, count);
            array = grown;
        }

        foreach (var item in items)
        {
            array[count++] = item;
        }

        _view = new View(array, count);
    }

    /// <summary>The first <see cref="Count"/> items of an array that only grows past them.</summary>
    public sealed class View(T[] items, int count) : IReadOnlyList<T>
    {
        internal T[] Items { get; } = items;

        public int Count { get; } = count;

        public T this[int index] => (uint)index < (uint)Count ? Items[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return Items[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
