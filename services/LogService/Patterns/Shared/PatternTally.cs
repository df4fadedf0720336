using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>
/// This replica's pattern counts since they were last shared, per UTC hour of the records' timestamps, minute,
/// pattern, service and level (<see cref="PatternHour"/>). <see cref="TakeHours"/> hands the deltas over and starts
/// again, so memory holds only what a share interval brings; the sharer adds them to what the state store holds.
/// </summary>
public sealed class PatternTally(string replica)
{
    private const long NsPerMinute = 60_000_000_000;
    private const long MsPerHour = 3_600_000;
    private readonly Lock _gate = new();
    private Dictionary<long, Dictionary<string, PatternHourEntry>> _hours = [];

    public string Replica => replica;

    /// <summary>Counts records already given their pattern ids; <paramref name="matches"/> holds each one's template, in order.</summary>
    public void Add(IReadOnlyList<LogRecord> records, IReadOnlyList<PatternMatch> matches, long seenMs)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(matches);
        lock (_gate)
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                if (record.PatternId is not { } id) continue;
                var minutes = Math.Max(0, record.TimestampNs) / NsPerMinute;
                var hourMs = minutes / 60 * MsPerHour;
                if (!_hours.TryGetValue(hourMs, out var patterns)) _hours[hourMs] = patterns = new Dictionary<string, PatternHourEntry>(StringComparer.Ordinal);
                if (!patterns.TryGetValue(id, out var entry))
                {
                    patterns[id] = entry = new PatternHourEntry(id, matches[i].Template, record.Message, seenMs, seenMs, []);
                }
                else if (seenMs >= entry.LastSeenMs)
                {
                    patterns[id] = entry = entry with { Template = matches[i].Template, LastSeenMs = seenMs };
                }

                PatternCounts.Add(entry.Minutes, (int)(minutes % 60), record.Service, SeverityNames.Of(record.Level), 1);
            }
        }
    }

    /// <summary>The counts since the last call, one <see cref="PatternHour"/> per hour touched; the tally starts empty again.</summary>
    public IReadOnlyList<PatternHour> TakeHours()
    {
        Dictionary<long, Dictionary<string, PatternHourEntry>> taken;
        lock (_gate)
        {
            (taken, _hours) = (_hours, []);
        }

        return taken.Select(h => new PatternHour(replica, h.Key, [.. h.Value.Values])).ToList();
    }

    /// <summary>The counts not yet taken, without taking them (a read on this replica includes them).</summary>
    public IReadOnlyList<PatternHour> PeekHours()
    {
        lock (_gate)
        {
            return _hours.Select(h => new PatternHour(replica, h.Key, h.Value.Values.Select(PatternCounts.Copy).ToList())).ToList();
        }
    }
}
