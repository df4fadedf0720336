using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Query;

/// <summary>Assigns series to result groups: per series, by some labels, or all together.</summary>
public static class SeriesGrouping
{
    public static (Dictionary<long, int> SeriesGroups, List<Dictionary<string, string>> GroupLabels) Group(
        IReadOnlyList<StoredSeries> series, IReadOnlyList<string>? groupBy)
    {
        var seriesGroups = new Dictionary<long, int>(series.Count);
        var groupLabels = new List<Dictionary<string, string>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            Dictionary<string, string> labels;
            if (groupBy is null)
            {
                labels = s.Labels.ToDictionary();
                labels["__name__"] = s.Name;
            }
            else
            {
                labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in groupBy)
                {
                    var value = name == "__name__" ? s.Name : s.Labels[name];
                    if (value is not null)
                    {
                        labels[name] = value;
                    }
                }
            }

            var key = string.Join('\u0000', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "\u0001" + l.Value));
            if (!index.TryGetValue(key, out var group))
            {
                group = groupLabels.Count;
                index[key] = group;
                groupLabels.Add(labels);
            }

            seriesGroups[s.Id] = group;
        }

        return (seriesGroups, groupLabels);
    }
}
