namespace AirisEpm.TraceService.Analysis.Sketches;

/// <summary>
/// The compact stored form of a sketch (what the dependency store keeps per edge and bucket): a version
/// byte, then unsigned LEB128 varints: count, sum, min, max, the number of occupied buckets, and per bucket
/// the gap to the previous bucket index and its count. Indexes are sorted and a busy edge's buckets sit close
/// together, so most gaps and counts take one byte: a bucket costs about 2 bytes, a one-minute edge with
/// 40 occupied buckets about 100. Reading it back gives a sketch equal in every answer to the one written.
/// </summary>
public sealed partial class LatencySketch
{
    private const byte FormatVersion = 1;

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream(16 + _used * 3);
        stream.WriteByte(FormatVersion);
        WriteVarint(stream, (ulong)Count);
        WriteVarint(stream, (ulong)SumNs);
        WriteVarint(stream, Count == 0 ? 0 : (ulong)MinNs);
        WriteVarint(stream, (ulong)MaxNs);
        WriteVarint(stream, (ulong)_used);
        var previous = 0;
        for (var b = 0; b < _used; b++)
        {
            WriteVarint(stream, (ulong)(_indexes[b] - previous));
            WriteVarint(stream, (ulong)_counts[b]);
            previous = _indexes[b];
        }
        return stream.ToArray();
    }

    /// <summary>Reads <see cref="ToBytes"/>'s form; throws <see cref="FormatException"/> on anything else.</summary>
    public static LatencySketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || bytes[0] != FormatVersion)
            throw new FormatException("Not a latency sketch of format version 1.");
        var position = 1;
        var count = (long)ReadVarint(bytes, ref position);
        var sum = (long)ReadVarint(bytes, ref position);
        var min = (long)ReadVarint(bytes, ref position);
        var max = (long)ReadVarint(bytes, ref position);
        var used = (int)ReadVarint(bytes, ref position);
        if (used < 0 || used > 4096)
            throw new FormatException($"A latency sketch cannot have {used} buckets.");
        var sketch = new LatencySketch(Math.Max(1, used));
        var index = 0;
        long total = 0;
        for (var b = 0; b < used; b++)
        {
            index += (int)ReadVarint(bytes, ref position);
            var bucketCount = (long)ReadVarint(bytes, ref position);
            if (index > ushort.MaxValue || (b > 0 && index <= sketch._indexes[b - 1]) || bucketCount < 1)
                throw new FormatException("The buckets of a latency sketch must be increasing with positive counts.");
            (sketch._indexes[b], sketch._counts[b]) = ((ushort)index, bucketCount);
            total += bucketCount;
        }
        if (position != bytes.Length || total != count)
            throw new FormatException("A latency sketch's bucket counts must add up to its count, with nothing after them.");
        sketch._used = used;
        sketch.Count = count;
        sketch.SumNs = sum;
        sketch.MinNs = count == 0 ? long.MaxValue : min;
        sketch.MaxNs = max;
        return sketch;
    }

    private static void WriteVarint(MemoryStream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
                throw new FormatException("A latency sketch ends inside a number.");
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
        throw new FormatException("A latency sketch holds a number longer than 64 bits.");
    }
}
