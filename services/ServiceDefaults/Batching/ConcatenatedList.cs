using System.Collections;

namespace AirisEpm.ServiceDefaults.Batching;

/// <summary>
/// Several lists read as one, without copying them: the batch a <see cref="BatchingWriter{T}"/> hands its sink when it
/// merges queued writes (a copy of a batch of hundreds of thousands of items is megabytes on the large-object heap per
/// write). Indexing remembers the part it last read, so reading in order costs O(1) per item.
/// </summary>
public sealed class ConcatenatedList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T>[] _parts;
    private readonly int[] _starts;
    private int _lastPart;

    public ConcatenatedList(IReadOnlyList<IReadOnlyList<T>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts];
        _starts = new int[_parts.Length + 1];
        for (var i = 0; i < _parts.Length; i++)
        {
            _starts[i + 1] = _starts[i] + _parts[i].Count;
        }
    }

    public int Count => _starts[^1];

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            var part = _lastPart;
            if (index < _starts[part] || index >= _starts[part + 1])
            {
                part = Array.BinarySearch(_starts, index);
                part = part >= 0 ? part : ~part - 1;
                while (_starts[part + 1] == _starts[part])
                {
                    part++; // an empty part starts where the next one does
                }

                _lastPart = part;
            }

            return _parts[part][index - _starts[part]];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var part in _parts)
        {
            foreach (var item in part)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
