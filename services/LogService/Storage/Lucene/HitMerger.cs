using System.Text;
using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Keeps the first <c>capacity</c> records, in (timestamp, id) order or its reverse, of the hits from
/// several partitions. Ids compare as UTF-8 bytes, as Lucene's sort compares them.
/// </summary>
internal sealed class HitMerger(int capacity, bool newestFirst)
{
    private readonly List<LogRecord> _records = [];

    public int Count => _records.Count;

    public IReadOnlyList<LogRecord> Records => _records;

    /// <summary>True when the page is full and no record of a partition covering [startNs, endNs) can enter it.</summary>
    public bool IsFullBefore(long startNs, long endNs)
    {
        if (_records.Count < capacity)
        {
            return false;
        }

        var worst = _records[^1].TimestampNs;
        return newestFirst ? endNs - 1 < worst : startNs > worst;
    }

    public void AddRange(IEnumerable<LogRecord> records)
    {
        _records.AddRange(records);
        _records.Sort(Compare);
        if (_records.Count > capacity)
        {
            _records.RemoveRange(capacity, _records.Count - capacity);
        }
    }

    private int Compare(LogRecord a, LogRecord b)
    {
        var order = a.TimestampNs != b.TimestampNs
            ? a.TimestampNs.CompareTo(b.TimestampNs)
            : Encoding.UTF8.GetBytes(a.Id).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Id));
        return newestFirst ? -order : order;
    }
}
