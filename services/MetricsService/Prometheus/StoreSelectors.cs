using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;
using PromLabelSet = AirisEpm.PromQl.Model.LabelSet;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Between PromQL's selectors and the store's: the store keeps the metric name beside the labels, PromQL sees it
/// as <c>__name__</c>. The store is given every matcher (the name, and each label matcher, so a store can push them
/// into its query); the series it returns are then checked against the matchers again with the name as
/// <c>__name__</c>, which is what a store that only narrows (ClickHouse's SQL) needs.
/// </summary>
public static class StoreSelectors
{
    /// <summary>The store's selector: the first <c>__name__="x"</c> becomes the name, every other matcher stays a matcher.</summary>
    public static SeriesSelector ToStore(IReadOnlyList<Matcher> matchers)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        string? name = null;
        var labelMatchers = new List<Matcher>(matchers.Count);
        foreach (var matcher in matchers)
        {
            if (name is null && matcher.Name == PromLabelSet.MetricName && matcher.Op == MatchOp.Equal)
            {
                name = matcher.Value;
                continue;
            }

            if (matcher.Name.Length > 0)
            {
                labelMatchers.Add(matcher);
            }
        }

        return new SeriesSelector(name, labelMatchers);
    }

    /// <summary>The store's series matching every PromQL matcher, with their PromQL labels (name as <c>__name__</c>).</summary>
    public static async Task<IReadOnlyList<(StoredSeries Stored, PromLabelSet Labels)>> FindAsync(
        IMetricStore store, IReadOnlyList<Matcher> matchers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = await store.FindSeriesAsync(ToStore(matchers), cancellationToken);
        var result = new List<(StoredSeries, PromLabelSet)>(found.Count);
        foreach (var series in found)
        {
            var labels = ToPromLabels(series);
            if (MatchesAll(matchers, labels))
            {
                result.Add((series, labels));
            }
        }

        return result;
    }

    public static PromLabelSet ToPromLabels(StoredSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var labels = new List<Label>(series.Labels.Count + 1) { new(PromLabelSet.MetricName, series.Name) };
        foreach (var label in series.Labels.Labels)
        {
            labels.Add(new Label(label.Name, label.Value));
        }

        return PromLabelSet.From(labels);
    }

    public static bool MatchesAll(IReadOnlyList<Matcher> matchers, PromLabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        foreach (var matcher in matchers)
        {
            if (!matcher.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }
}
