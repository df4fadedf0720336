using System.Text.Json;
using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>An exemplar's labels as one JSON object, sorted by name, as stored (and compared for duplicates).</summary>
public static class ExemplarLabelsJson
{
    public static string Write(IReadOnlyList<Label> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return JsonSerializer.Serialize(new SortedDictionary<string, string>(labels.ToDictionary(l => l.Name, l => l.Value), StringComparer.Ordinal));
    }

    public static IReadOnlyList<Label> Read(string json) =>
        [.. (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new Label(l.Key, l.Value))];
}
