using AirisEpm.MetricsService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>
/// Evaluates streaming threshold rules on ingested samples and emits a <see cref="ThresholdCrossed"/>
/// on a transition (inactive → firing after <c>for</c>, firing → resolved), so one crossing is
/// published once, and again every resend interval while the series keeps breaching (as Prometheus
/// resends firing alerts), so a subscriber that lost the alert gets it back. Time is the samples'
/// own timestamps, so replays and backfills behave alike.
/// Pure apart from a lock: no I/O; persistence and publishing belong to the callers.
/// </summary>
public sealed class ThresholdEngine
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string RuleId, long SeriesId), SeriesThresholdState> _states = [];
    private readonly Queue<ThresholdCrossed> _unpublished = new();
    private Dictionary<string, List<ThresholdRule>> _rulesByMetric = [];
    private List<ThresholdRule> _rules = [];
    private readonly long _resendMs;
    private long _version = -1;

    public ThresholdEngine()
        : this(ThresholdOptions.DefaultResendInterval)
    {
    }

    public ThresholdEngine(TimeSpan resendInterval)
    {
        _resendMs = (long)resendInterval.TotalMilliseconds;
    }

    /// <summary>Increases on every change, so a snapshotter knows when to save.</summary>
    public long ChangeCount { get; private set; }

    public long RulesVersion
    {
        get { lock (_gate) { return _version; } }
    }

    public IReadOnlyList<ThresholdRule> Rules
    {
        get { lock (_gate) { return _rules.ToList(); } }
    }

    /// <summary>
    /// Replaces the rule set unless <paramref name="version"/> is older than the one held.
    /// States of rules that disappear or change are dropped: alert-service owns their alerts.
    /// Returns the rules that could not be compiled (they are skipped, the rest apply).
    /// </summary>
    public IReadOnlyList<string> ReplaceRules(long version, IEnumerable<ThresholdRuleContract> contracts)
    {
        var errors = new List<string>();
        var compiled = new List<ThresholdRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            var rule = ThresholdRule.TryCompile(contract, out var error);
            if (rule is null)
            {
                errors.Add(error!);
            }
            else if (!seen.Add(rule.Id))
            {
                // Series states are keyed by rule id: two rules sharing one would share (and corrupt) them.
                errors.Add($"Rule '{rule.Id}': the id appears more than once in the rule set; the first one applies.");
            }
            else
            {
                compiled.Add(rule);
            }
        }

        lock (_gate)
        {
            if (version < _version)
            {
                return errors;
            }

            var kept = compiled.ToDictionary(r => r.Id, r => r.Contract);
            var previous = _rules.ToDictionary(r => r.Id, r => r.Contract);
            foreach (var key in _states.Keys.ToList())
            {
                var stillSame = kept.TryGetValue(key.RuleId, out var contract)
                                && previous.TryGetValue(key.RuleId, out var old)
                                && SameRule(old, contract);
                if (!stillSame)
                {
                    _states.Remove(key);
                }
            }

            _version = version;
            _rules = compiled;
            _rulesByMetric = compiled.GroupBy(r => r.Contract.MetricName).ToDictionary(g => g.Key, g => g.ToList());
            ChangeCount++;
        }

        return errors;
    }

    /// <summary>Evaluates a durable batch; returns the crossings it caused (also queued as unpublished).</summary>
    public IReadOnlyList<ThresholdCrossed> Observe(IReadOnlyList<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        List<ThresholdCrossed>? crossings = null;
        lock (_gate)
        {
            if (_rulesByMetric.Count == 0)
            {
                return [];
            }

            foreach (var sample in samples)
            {
                if (!_rulesByMetric.TryGetValue(sample.Name, out var rules))
                {
                    continue;
                }

                foreach (var rule in rules)
                {
                    if (rule.Selects(sample) && Step(rule, sample) is { } crossing)
                    {
                        (crossings ??= []).Add(crossing);
                        _unpublished.Enqueue(crossing);
                    }
                }
            }

            if (crossings is not null)
            {
                ChangeCount++;
            }
        }

        return crossings ?? [];
    }

    private ThresholdCrossed? Step(ThresholdRule rule, MetricSample sample)
    {
        var key = (rule.Id, sample.SeriesId);
        var breach = rule.Operator.Breaches(sample.Value, rule.Contract.Threshold);
        _states.TryGetValue(key, out var state);
        switch (state, breach)
        {
            case (null, false):
                return null;
            case (null, true):
                state = new SeriesThresholdState(rule.Id, sample.SeriesId, sample.Labels.ToDictionary(), false, sample.TimestampMs, sample.Value);
                _states[key] = state;
                return rule.For <= TimeSpan.Zero ? Fire(key, state, rule, sample) : null;
            case ({ Firing: false }, true):
                _states[key] = state with { LastValue = sample.Value };
                return sample.TimestampMs - state.SinceMs >= (long)rule.For.TotalMilliseconds ? Fire(key, state, rule, sample) : null;
            case ({ Firing: true }, true):
                return Refresh(key, state, rule, sample);
            case ({ Firing: false }, false):
                _states.Remove(key);
                return null;
            default:
                _states.Remove(key);
                return Crossing(rule, state, sample, ThresholdCrossed.Resolved);
        }
    }

    private ThresholdCrossed Fire((string, long) key, SeriesThresholdState state, ThresholdRule rule, MetricSample sample)
    {
        _states[key] = state with { Firing = true, LastValue = sample.Value, FiredAtMs = sample.TimestampMs, LastSentMs = sample.TimestampMs };
        return Crossing(rule, state, sample, ThresholdCrossed.Firing);
    }

    /// <summary>
    /// Still firing: the firing crossing again once a resend interval has passed since the last one,
    /// with the time it fired (so the alert keeps its start) and the latest value.
    /// </summary>
    private ThresholdCrossed? Refresh((string, long) key, SeriesThresholdState state, ThresholdRule rule, MetricSample sample)
    {
        if (sample.TimestampMs - state.LastSentMs < _resendMs)
        {
            _states[key] = state with { LastValue = sample.Value };
            return null;
        }

        _states[key] = state with { LastValue = sample.Value, LastSentMs = sample.TimestampMs };
        var firedAt = state.FiredAtMs > 0 ? state.FiredAtMs : state.SinceMs + (long)rule.For.TotalMilliseconds;
        return Crossing(rule, state, sample, ThresholdCrossed.Firing, firedAt) with
        {
            EventId = $"threshold-{rule.Id}-{state.SeriesId:x16}-{state.SinceMs}-{ThresholdCrossed.Firing}-resent-{sample.TimestampMs}",
        };
    }

    /// <summary>
    /// The event id is derived from rule, series, state and the breach start, so a crossing re-derived
    /// after a crash is recognised by subscribers as the same one.
    /// </summary>
    private static ThresholdCrossed Crossing(ThresholdRule rule, SeriesThresholdState state, MetricSample sample, string kind, long? atMs = null) =>
        new(rule.Id, sample.Name, state.Labels, sample.Value, rule.Contract.Threshold, kind,
            DateTimeOffset.FromUnixTimeMilliseconds(atMs ?? sample.TimestampMs))
        {
            EventId = $"threshold-{rule.Id}-{state.SeriesId:x16}-{state.SinceMs}-{kind}",
        };

    /// <summary>The crossings not yet confirmed published, oldest first.</summary>
    public IReadOnlyList<ThresholdCrossed> PeekUnpublished(int max)
    {
        lock (_gate)
        {
            return _unpublished.Take(max).ToList();
        }
    }

    /// <summary>Confirms the oldest <paramref name="count"/> crossings as published.</summary>
    public void MarkPublished(int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count && _unpublished.Count > 0; i++)
            {
                _unpublished.Dequeue();
            }

            ChangeCount++;
        }
    }

    public ThresholdSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ThresholdSnapshot(_version, _rules.Select(r => r.Contract).ToList(), _states.Values.ToList(), _unpublished.ToList());
        }
    }

    public void Restore(ThresholdSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ReplaceRules(snapshot.RulesVersion, snapshot.Rules);
        lock (_gate)
        {
            foreach (var state in snapshot.States)
            {
                _states[(state.RuleId, state.SeriesId)] = state;
            }

            foreach (var crossing in snapshot.Unpublished)
            {
                _unpublished.Enqueue(crossing);
            }
        }
    }

    private static bool SameRule(ThresholdRuleContract a, ThresholdRuleContract b) =>
        a.MetricName == b.MetricName && a.Operator == b.Operator && a.Threshold.Equals(b.Threshold)
        && a.ForSeconds.Equals(b.ForSeconds) && a.Matchers.SequenceEqual(b.Matchers);
}
