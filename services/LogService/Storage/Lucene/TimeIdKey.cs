using System.Buffers.Binary;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// A record's (timestamp, id) as one byte string whose byte order is the records' cursor order: the timestamp's
/// eight big-endian bytes with the sign bit flipped (so negative times sort first), then the id's UTF-8 bytes (the
/// order ids have everywhere: <see cref="HitMerger"/>, Elasticsearch's keyword sort). Kept as the sorted doc values
/// of <see cref="Field"/>, it is the sort, the page cursor, the exact time of every record (a time range is a range
/// of its ordinals, found per segment by two binary searches) and the key that finds a record again.
/// </summary>
internal static class TimeIdKey
{
    public const string Field = "_time_id";
    public const int TimeBytes = 8;
    private const ulong SignBit = 1UL << 63;

    public static BytesRef Of(long timestampNs, string id)
    {
        var key = new BytesRef(TimeBytes + Encoding.UTF8.GetMaxByteCount(id.Length));
        Write(key, timestampNs, id);
        return key;
    }

    /// <summary>Sets <paramref name="key"/> to the key of (<paramref name="timestampNs"/>, <paramref name="id"/>), growing its array if needed.</summary>
    public static void Write(BytesRef key, long timestampNs, string id)
    {
        var length = TimeBytes + Encoding.UTF8.GetMaxByteCount(id.Length);
        if (key.Bytes.Length < length)
        {
            key.Bytes = new byte[Math.Max(length, key.Bytes.Length * 2)];
        }

        key.Offset = 0;
        BinaryPrimitives.WriteUInt64BigEndian(key.Bytes, Sortable(timestampNs));
        key.Length = TimeBytes + Encoding.UTF8.GetBytes(id, 0, id.Length, key.Bytes, TimeBytes);
    }

    /// <summary>
    /// The key that sorts before every key of <paramref name="timestampNs"/> and after every key of an earlier time (the
    /// timestamp's bytes alone), so [<c>Start(a)</c>, <c>Start(b)</c>) holds exactly the records stamped in [a, b).
    /// </summary>
    public static BytesRef Start(long timestampNs)
    {
        var key = new BytesRef(TimeBytes);
        BinaryPrimitives.WriteUInt64BigEndian(key.Bytes, Sortable(timestampNs));
        key.Length = TimeBytes;
        return key;
    }

    /// <summary>The first ordinal of <paramref name="keys"/> (one segment's) stamped at or after <paramref name="timestampNs"/>; the value count when there is none.</summary>
    public static int FirstOrdAtOrAfter(SortedDocValues keys, long timestampNs)
    {
        var ord = keys.LookupTerm(Start(timestampNs));
        return ord >= 0 ? ord : -ord - 1;
    }

    /// <summary>The ordinals [from, to) of <paramref name="keys"/> stamped in [<paramref name="firstNs"/>, <paramref name="lastNs"/>].</summary>
    public static (int From, int To) OrdsWithin(SortedDocValues keys, long firstNs, long lastNs) =>
        (FirstOrdAtOrAfter(keys, firstNs), lastNs == long.MaxValue ? keys.ValueCount : FirstOrdAtOrAfter(keys, lastNs + 1));

    public static long TimestampOf(BytesRef key) => (long)(BinaryPrimitives.ReadUInt64BigEndian(key.Bytes.AsSpan(key.Offset, TimeBytes)) ^ SignBit);

    public static string IdOf(BytesRef key) => Encoding.UTF8.GetString(key.Bytes, key.Offset + TimeBytes, key.Length - TimeBytes);

    /// <summary>True when <paramref name="key"/>'s id is <paramref name="utf8Id"/>.</summary>
    public static bool HasId(BytesRef key, ReadOnlySpan<byte> utf8Id) => key.Bytes.AsSpan(key.Offset + TimeBytes, key.Length - TimeBytes).SequenceEqual(utf8Id);

    private static ulong Sortable(long timestampNs) => (ulong)timestampNs ^ SignBit;
}
