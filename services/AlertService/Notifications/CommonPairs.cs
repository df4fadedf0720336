namespace AirisEpm.AlertService.Notifications;

/// <summary>The name/value pairs every map shares: Alertmanager's <c>commonLabels</c> and <c>commonAnnotations</c>.</summary>
public static class CommonPairs
{
    /// <summary>O(maps × pairs of the first); the pairs keep the first map's order. No maps: none.</summary>
    public static Dictionary<string, string> Of(IEnumerable<IReadOnlyDictionary<string, string>> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        Dictionary<string, string>? common = null;
        foreach (var map in maps)
        {
            if (common is null)
            {
                common = new Dictionary<string, string>(map, StringComparer.Ordinal);
                continue;
            }

            foreach (var (name, value) in common.ToList())
            {
                if (!map.TryGetValue(name, out var other) || other != value) common.Remove(name);
            }
        }

        return common ?? [];
    }
}
