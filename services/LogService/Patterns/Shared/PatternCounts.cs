namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>Adding and merging the counts of <see cref="PatternHour"/>s (pure).</summary>
public static class PatternCounts
{
    /// <summary>Adds <paramref name="count"/> records of <paramref name="level"/> to the minute and service in <paramref name="minutes"/>.</summary>
    public static void Add(List<PatternMinuteCount> minutes, int minute, string service, string level, long count)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var at = minutes.FindIndex(m => m.Minute == minute && m.Service == service);
        if (at < 0)
        {
            minutes.Add(new PatternMinuteCount(minute, service, new Dictionary<string, long>(StringComparer.Ordinal)));
            at = minutes.Count - 1;
        }

        var levels = minutes[at].Levels;
        levels[level] = levels.GetValueOrDefault(level) + count;
    }

    /// <summary>
    /// <paramref name="stored"/> plus <paramref name="delta"/> (the same replica and hour): counts added, each pattern's
    /// first seen the earliest, its template and last seen from the later sighting.
    /// </summary>
    public static PatternHour Merge(PatternHour? stored, PatternHour delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (stored is null) return delta;
        var patterns = stored.Patterns.ToDictionary(p => p.Id, Copy, StringComparer.Ordinal);
        foreach (var entry in delta.Patterns)
        {
            if (!patterns.TryGetValue(entry.Id, out var into))
            {
                patterns[entry.Id] = Copy(entry);
                continue;
            }

            var later = entry.LastSeenMs >= into.LastSeenMs;
            into = into with
            {
                Template = later ? entry.Template : into.Template,
                FirstSeenMs = Math.Min(into.FirstSeenMs, entry.FirstSeenMs),
                LastSeenMs = Math.Max(into.LastSeenMs, entry.LastSeenMs),
            };
            foreach (var minute in entry.Minutes)
            {
                foreach (var (level, count) in minute.Levels)
                {
                    Add(into.Minutes, minute.Minute, minute.Service, level, count);
                }
            }

            patterns[entry.Id] = into;
        }

        return delta with { Patterns = [.. patterns.Values] };
    }

    /// <summary>A deep copy, so merging never changes an entry someone else holds.</summary>
    public static PatternHourEntry Copy(PatternHourEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry with { Minutes = entry.Minutes.Select(m => m with { Levels = new Dictionary<string, long>(m.Levels, StringComparer.Ordinal) }).ToList() };
    }
}
