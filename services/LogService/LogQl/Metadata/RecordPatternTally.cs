using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.LogQl.Metadata;

/// <summary>
/// Per pattern id, over the records a log query passes: how many, when the oldest and the newest were written (the
/// records' own timestamps, not when they arrived), one sample line, the counts by level and per histogram bucket of
/// [<paramref name="startNs"/>, <paramref name="endNs"/>) (the store's bucket width, <see cref="LogQueryLimits.BucketWidth"/>).
/// Records without a pattern id are not counted. O(1) per record; memory O(patterns × buckets).
/// </summary>
public sealed class RecordPatternTally(long startNs, long endNs, int buckets)
{
    private readonly long _width = LogQueryLimits.BucketWidth(new LogQuery(null, startNs, endNs, HistogramBuckets: Math.Max(1, buckets)));
    private readonly int _buckets = Math.Max(1, buckets);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public long BucketNs => _width;

    public void Add(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PatternId is not { } id) return;
        if (!_entries.TryGetValue(id, out var entry)) _entries[id] = entry = new Entry(record.Message, record.TimestampNs, _buckets);
        entry.Count++;
        entry.FirstNs = Math.Min(entry.FirstNs, record.TimestampNs);
        entry.LastNs = Math.Max(entry.LastNs, record.TimestampNs);
        var level = SeverityNames.Of(record.Level);
        entry.ByLevel[level] = entry.ByLevel.GetValueOrDefault(level) + 1;
        var bucket = (record.TimestampNs - startNs) / _width;
        if (bucket >= 0 && bucket < _buckets) entry.Counts[bucket]++;
    }

    /// <summary>The <paramref name="limit"/> patterns with the most records, ties by id.</summary>
    public IReadOnlyList<PatternTotals> Top(int limit) => _entries
        .OrderByDescending(e => e.Value.Count).ThenBy(e => e.Key, StringComparer.Ordinal).Take(limit)
        .Select(e => new PatternTotals(e.Key, e.Value.Count, e.Value.FirstNs, e.Value.LastNs, e.Value.Sample, e.Value.ByLevel, e.Value.Counts))
        .ToList();

    private sealed class Entry(string sample, long seenNs, int buckets)
    {
        public string Sample { get; } = sample;

        public long Count { get; set; }

        public long FirstNs { get; set; } = seenNs;

        public long LastNs { get; set; } = seenNs;

        public Dictionary<string, long> ByLevel { get; } = new(StringComparer.Ordinal);

        public long[] Counts { get; } = new long[buckets];
    }
}

/// <summary>One pattern's totals over a query's records; times in Unix nanoseconds.</summary>
public sealed record PatternTotals(
    string Id, long Count, long FirstSeenNs, long LastSeenNs, string Sample, IReadOnlyDictionary<string, long> ByLevel, IReadOnlyList<long> Counts);
