using System.Text.RegularExpressions;
using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Model;
using PromLabelSet = AirisEpm.PromQl.Model.LabelSet;
using StoreMatchOp = AirisEpm.MetricsService.Storage.MatchOp;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Between PromQL's selectors and the store's: the store keeps the metric name beside the labels, PromQL sees it
/// as <c>__name__</c>. The store is given every matcher it can take (the name, and each label matcher, so a store
/// can push them into its query); the series it returns are then checked against PromQL's own matchers, which are
/// the semantics that count (Prometheus 3 regexes, linear-time).
/// </summary>
public static class StoreSelectors
{
    /// <summary>The store's selector: the first <c>__name__="x"</c> becomes the name, every other matcher a label matcher.</summary>
    public static SeriesSelector ToStore(IReadOnlyList<Matcher> matchers, bool withRegexes = true)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        string? name = null;
        var labelMatchers = new List<LabelMatcher>(matchers.Count);
        foreach (var matcher in matchers)
        {
            if (name is null && matcher.Name == PromLabelSet.MetricName && matcher.Op == PromQl.Model.MatchOp.Equal)
            {
                name = matcher.Value;
                continue;
            }

            if (matcher.Name.Length == 0 || (matcher.IsRegex && !withRegexes))
            {
                continue;
            }

            try
            {
                labelMatchers.Add(new LabelMatcher(matcher.Name, ToStore(matcher.Op), matcher.Value));
            }
            catch (ArgumentException)
            {
                // A regex .NET's backtracking engine does not take: PromQL's matcher below still applies.
            }
        }

        return new SeriesSelector(name, labelMatchers);
    }

    /// <summary>
    /// The store's series matching every PromQL matcher, with their PromQL labels (name as <c>__name__</c>). A store
    /// regex that times out (the store's engine backtracks; PromQL's does not) is retried without regexes.
    /// </summary>
    public static async Task<IReadOnlyList<(StoredSeries Stored, PromLabelSet Labels)>> FindAsync(
        IMetricStore store, IReadOnlyList<Matcher> matchers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IReadOnlyList<StoredSeries> found;
        try
        {
            found = await store.FindSeriesAsync(ToStore(matchers), cancellationToken);
        }
        catch (RegexMatchTimeoutException)
        {
            found = await store.FindSeriesAsync(ToStore(matchers, withRegexes: false), cancellationToken);
        }

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

    private static StoreMatchOp ToStore(PromQl.Model.MatchOp op) => op switch
    {
        PromQl.Model.MatchOp.Equal => StoreMatchOp.Equal,
        PromQl.Model.MatchOp.NotEqual => StoreMatchOp.NotEqual,
        PromQl.Model.MatchOp.Regex => StoreMatchOp.Regex,
        _ => StoreMatchOp.NotRegex,
    };
}
