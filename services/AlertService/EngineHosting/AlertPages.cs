using AirisEpm.AlertService.Apis.Models;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// Lists cut into pages of alerts and put back together. Between the engine actor and a caller on
/// another replica every answer must stay under the 4 MiB the sidecars pass in one message, so the
/// gateway reads long lists a page at a time.
/// </summary>
public static class AlertPages
{
    /// <summary>2,000 alerts: about 800 KB of JSON.</summary>
    public const int Size = 2_000;

    /// <summary>The groups' alerts from <paramref name="skip"/> on, at most <paramref name="take"/>; a group cut by the page keeps its part.</summary>
    public static List<AlertGroup> Slice(IReadOnlyList<AlertGroup> groups, int skip, int? take)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var end = take is { } t ? (long)skip + t : long.MaxValue;
        var page = new List<AlertGroup>();
        long index = 0;
        foreach (var group in groups)
        {
            var from = (int)Math.Clamp(skip - index, 0, group.Alerts.Count);
            var to = (int)Math.Clamp(end - index, 0, group.Alerts.Count);
            if (to > from) page.Add(group with { Alerts = [.. group.Alerts.Skip(from).Take(to - from)] });
            index += group.Alerts.Count;
            if (index >= end) break;
        }

        return page;
    }

    /// <summary>
    /// Appends a page to groups read so far: a group the page boundary cut continues the last one.
    /// An alert already read is skipped (the engine may change between pages and shift one over).
    /// </summary>
    public static void Append(List<AlertGroup> groups, IReadOnlyList<AlertGroup> page, HashSet<(string Group, string Fingerprint)> seen)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(seen);
        foreach (var group in page)
        {
            var key = Key(group);
            var fresh = group.Alerts.Where(a => seen.Add((key, a.Fingerprint))).ToList();
            if (groups.Count > 0 && Key(groups[^1]) == key)
            {
                groups[^1] = groups[^1] with { Alerts = [.. groups[^1].Alerts, .. fresh] };
            }
            else if (fresh.Count > 0)
            {
                groups.Add(group with { Alerts = fresh });
            }
        }
    }

    public static int AlertCount(IReadOnlyList<AlertGroup> page) => page.Sum(g => g.Alerts.Count);

    private static string Key(AlertGroup group) =>
        group.Receiver.Name + "|" + string.Join(',', group.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
