namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>
/// Combines the <see cref="PatternHour"/>s of every replica into one answer for a window (pure). Counts are kept per
/// minute, so a minute counts when it starts inside [start, end); a record's minute is its timestamp's. First and last
/// seen are the first and last of those minutes that hold a matching record (the records' own time, to the minute),
/// not when a replica received them.
/// </summary>
public static class PatternCombiner
{
    private const long NsPerMinute = 60_000_000_000;
    private const long NsPerMs = 1_000_000;

    /// <summary>The <paramref name="limit"/> most frequent patterns, most first (ties by id), with <paramref name="buckets"/> counts over the window.</summary>
    public static IReadOnlyList<CombinedPattern> Combine(
        IEnumerable<PatternHour> hours, long startNs, long endNs, string? service, string? level, int buckets, int limit)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        var bucketNs = Math.Max(1, (endNs - startNs) / buckets);
        var combined = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var hour in hours)
        {
            foreach (var entry in hour.Patterns)
            {
                Builder? into = null;
                foreach (var minute in entry.Minutes)
                {
                    if (service is not null && minute.Service != service) continue;
                    var atNs = (hour.HourMs * NsPerMs) + (minute.Minute * NsPerMinute);
                    if (atNs < startNs || atNs >= endNs) continue;
                    foreach (var (name, count) in minute.Levels)
                    {
                        if (level is not null && name != level) continue;
                        if (into is null && !combined.TryGetValue(entry.Id, out into)) combined[entry.Id] = into = new Builder(entry, buckets);
                        into.Add(name, count, (int)Math.Min(buckets - 1, (atNs - startNs) / bucketNs), atNs / NsPerMs);
                    }
                }

                into?.Describe(entry);
            }
        }

        return combined.Values
            .Select(b => b.Build())
            .OrderByDescending(p => p.Count).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private sealed class Builder(PatternHourEntry first, int buckets)
    {
        private readonly Dictionary<string, long> _byLevel = new(StringComparer.Ordinal);
        private readonly long[] _counts = new long[buckets];
        private PatternHourEntry _latest = first;
        private PatternHourEntry _earliest = first;
        private long _count;
        private long _firstMs = long.MaxValue;
        private long _lastMs = long.MinValue;

        public void Add(string level, long count, int bucket, long minuteMs)
        {
            _firstMs = Math.Min(_firstMs, minuteMs);
            _lastMs = Math.Max(_lastMs, minuteMs);
            _byLevel[level] = _byLevel.GetValueOrDefault(level) + count;
            _counts[bucket] += count;
            _count += count;
        }

        public void Describe(PatternHourEntry entry)
        {
            if (entry.LastSeenMs > _latest.LastSeenMs) _latest = entry;
            if (entry.FirstSeenMs < _earliest.FirstSeenMs) _earliest = entry;
        }

        public CombinedPattern Build() =>
            new(_latest.Id, _latest.Template, _count, _firstMs, _lastMs, _earliest.Sample, _byLevel, _counts);
    }
}
