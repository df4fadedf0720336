using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// Prometheus's staleness for what rules write (rules/manager.go: <c>Group.Eval</c> and <c>cleanupStaleSeries</c>): a
/// series a rule wrote at its last evaluation and no longer writes gets a stale marker (<see cref="StaleMarker"/>) at the
/// evaluation's timestamp, and so does every series of a rule or group that no longer exists. Storage keeps the first
/// sample of a series at a timestamp, so no marker is written for a series already written at it (a rule that moved, a
/// series two rules write).
/// </summary>
public static class RuleStaleness
{
    /// <summary>
    /// Stale markers for <paramref name="series"/> except those in <paramref name="written"/> (the keys, by
    /// <see cref="PromAlert.LabelKey"/>, written at this timestamp so far), each marked key then counted as written.
    /// </summary>
    public static IReadOnlyList<PromSample> Markers(IEnumerable<IReadOnlyDictionary<string, string>> series, ISet<string> written)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(written);
        return [.. series.Where(labels => written.Add(PromAlert.LabelKey(labels))).Select(labels => new PromSample(labels, StaleMarker.Value))];
    }

    /// <summary>Counts <paramref name="samples"/> as written and returns their label sets, the series a rule's next evaluation compares with.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Written(IReadOnlyList<PromSample> samples, ISet<string> written)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(written);
        foreach (var sample in samples) written.Add(PromAlert.LabelKey(sample.Labels));
        return [.. samples.Select(s => s.Labels)];
    }
}
