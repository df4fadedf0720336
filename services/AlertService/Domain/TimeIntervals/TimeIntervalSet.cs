namespace AirisEpm.AlertService.Domain.TimeIntervals;

/// <summary>Named time intervals (Alertmanager <c>time_intervals</c>): a name is active when any of its intervals contains the instant.</summary>
public sealed class TimeIntervalSet(IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>> intervals)
{
    public static TimeIntervalSet Empty { get; } = new(new Dictionary<string, IReadOnlyList<TimeInterval>>());

    public IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>> Intervals { get; } = intervals;

    public bool Contains(string name) => Intervals.ContainsKey(name);

    /// <summary>True when any named interval is active; unknown names are inactive (config validation rejects them).</summary>
    public bool AnyActive(IEnumerable<string> names, DateTimeOffset now) =>
        names.Any(name => Intervals.TryGetValue(name, out var list) && list.Any(i => i.Contains(now)));
}
