using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Inhibition;

/// <summary>
/// Answers "which alerts inhibit this one" for a snapshot of alerts at an instant. Build it once
/// per evaluation (O(alerts × rules)); each query is O(rules) dictionary lookups, never a scan
/// of the alerts. Only firing alerts act as sources; a source that is itself inhibited or
/// silenced still inhibits (Alertmanager does the same).
/// </summary>
public sealed class Inhibitor
{
    private readonly IReadOnlyList<InhibitRule> _rules;
    private readonly Dictionary<string, List<Alert>>[] _sourcesByRule;

    public Inhibitor(IReadOnlyList<InhibitRule> rules, IEnumerable<Alert> alerts, DateTimeOffset now)
    {
        _rules = rules;
        _sourcesByRule = new Dictionary<string, List<Alert>>[rules.Count];
        for (var i = 0; i < rules.Count; i++) _sourcesByRule[i] = new Dictionary<string, List<Alert>>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            if (alert.IsResolvedAt(now)) continue;
            for (var i = 0; i < rules.Count; i++)
            {
                if (!rules[i].SourceMatchers.MatchesAll(alert.Labels)) continue;
                var key = rules[i].EqualKey(alert.Labels);
                if (!_sourcesByRule[i].TryGetValue(key, out var list)) _sourcesByRule[i][key] = list = [];
                list.Add(alert);
            }
        }
    }

    /// <summary>
    /// Fingerprints of the firing source alerts inhibiting <paramref name="labels"/>, sorted and
    /// distinct (API v2 <c>inhibitedBy</c>). An alert never inhibits itself, even when it
    /// matches both the source and the target side of a rule.
    /// </summary>
    public IReadOnlyList<Fingerprint> InhibitedBy(LabelSet labels)
    {
        SortedSet<Fingerprint>? result = null;
        var self = labels.Fingerprint;
        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            if (!rule.TargetMatchers.MatchesAll(labels)) continue;
            if (!_sourcesByRule[i].TryGetValue(rule.EqualKey(labels), out var sources)) continue;
            foreach (var source in sources)
            {
                if (source.Fingerprint != self) (result ??= []).Add(source.Fingerprint);
            }
        }
        return result is null ? [] : [.. result];
    }

    /// <summary>O(rules): stops at the first inhibiting source, without listing them all.</summary>
    public bool IsInhibited(LabelSet labels)
    {
        var self = labels.Fingerprint;
        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            if (rule.TargetMatchers.MatchesAll(labels)
                && _sourcesByRule[i].TryGetValue(rule.EqualKey(labels), out var sources)
                && (sources.Count > 1 || sources[0].Fingerprint != self))
            {
                return true;
            }
        }
        return false;
    }
}
