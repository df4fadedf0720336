using System.Numerics;

namespace AirisEpm.TraceService.Analysis.Sketches;

/// <summary>
/// A mergeable latency histogram with fixed log-linear buckets, in the manner of HdrHistogram: values
/// below 32 ns are exact; above, each power of two is split into 32 equal buckets, so a bucket's width
/// is at most 1/32 of its lower bound and its midpoint is within <see cref="RelativeError"/> (1/64,
/// 1.6 %) of any value in it. A quantile reports the midpoint of the bucket holding the nearest-rank
/// value (clamped to the exact min and max), so it carries the same bound. Bucket boundaries are the
/// same in every sketch, so merging is adding counts: exact, associative, commutative, and a merge of
/// many one-minute sketches answers any window as well as one sketch of it would. Only occupied
/// buckets are stored (sorted index and count arrays; 10 bytes per bucket plus the arrays' spare room);
/// 0 to 2^63 ns needs at most 1,888 of them. Not thread-safe.
/// </summary>
public sealed partial class LatencySketch
{
    public const double RelativeError = 1.0 / 64;

    private const int SubBucketBits = 5;
    private const int SubBuckets = 1 << SubBucketBits;

    private ushort[] _indexes;
    private long[] _counts;
    private int _used;

    public LatencySketch(int capacity = 8)
    {
        _indexes = new ushort[capacity];
        _counts = new long[capacity];
    }

    public long Count { get; private set; }

    public long SumNs { get; private set; }

    public long MinNs { get; private set; } = long.MaxValue;

    public long MaxNs { get; private set; }

    /// <summary>Occupied buckets.</summary>
    public int BucketCount => _used;

    /// <summary>Bytes this sketch holds on the heap: the object and its two arrays (x64 layout).</summary>
    public int HeapBytes => 72 + (24 + _indexes.Length * sizeof(ushort) + 7) / 8 * 8 + 24 + _counts.Length * sizeof(long);

    public void Add(long valueNs, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        valueNs = Math.Max(0, valueNs);
        AddToBucket(IndexOf(valueNs), count);
        Count += count;
        SumNs += valueNs * count;
        MinNs = Math.Min(MinNs, valueNs);
        MaxNs = Math.Max(MaxNs, valueNs);
    }

    public void Merge(LatencySketch other)
    {
        if (other.Count == 0)
            return;
        var indexes = new ushort[_used + other._used];
        var counts = new long[indexes.Length];
        int i = 0, j = 0, k = 0;
        while (i < _used || j < other._used)
        {
            if (j == other._used || (i < _used && _indexes[i] < other._indexes[j]))
                (indexes[k], counts[k++]) = (_indexes[i], _counts[i++]);
            else if (i == _used || other._indexes[j] < _indexes[i])
                (indexes[k], counts[k++]) = (other._indexes[j], other._counts[j++]);
            else
                (indexes[k], counts[k++]) = (_indexes[i], _counts[i++] + other._counts[j++]);
        }
        (_indexes, _counts, _used) = (indexes, counts, k);
        Count += other.Count;
        SumNs += other.SumNs;
        MinNs = Math.Min(MinNs, other.MinNs);
        MaxNs = Math.Max(MaxNs, other.MaxNs);
    }

    /// <summary>The <paramref name="q"/>-quantile (0..1) by nearest rank, within <see cref="RelativeError"/>; 0 when empty.</summary>
    public long Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (Count == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var b = 0; b < _used; b++)
        {
            seen += _counts[b];
            if (seen >= rank)
                return Math.Clamp(Midpoint(_indexes[b]), MinNs, MaxNs);
        }
        return MaxNs;
    }

    public LatencySketch Clone()
    {
        var copy = new LatencySketch(Math.Max(1, _used));
        copy.Merge(this);
        return copy;
    }

    internal static int IndexOf(long value)
    {
        if (value < SubBuckets)
            return (int)value;
        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var shift = exponent - SubBucketBits;
        return SubBuckets + shift * SubBuckets + (int)(value >> shift) - SubBuckets;
    }

    internal static long Midpoint(int index)
    {
        if (index < SubBuckets)
            return index;
        var shift = (index - SubBuckets) / SubBuckets;
        var lower = (long)(SubBuckets + (index - SubBuckets) % SubBuckets) << shift;
        return lower + ((1L << shift) - 1) / 2;
    }

    private void AddToBucket(int index, long count)
    {
        var position = Array.BinarySearch(_indexes, 0, _used, (ushort)index);
        if (position >= 0)
        {
            _counts[position] += count;
            return;
        }
        position = ~position;
        if (_used == _indexes.Length)
        {
            Array.Resize(ref _indexes, _used * 2);
            Array.Resize(ref _counts, _used * 2);
        }
        Array.Copy(_indexes, position, _indexes, position + 1, _used - position);
        Array.Copy(_counts, position, _counts, position + 1, _used - position);
        _indexes[position] = (ushort)index;
        _counts[position] = count;
        _used++;
    }
}
