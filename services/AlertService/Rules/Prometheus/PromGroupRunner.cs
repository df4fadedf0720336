using System.Diagnostics;
using System.Diagnostics.Metrics;
using AirisEpm.AlertService.Application;
using AirisEpm.GoTemplates;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// One evaluation of a rule group, as Prometheus's <c>Group.Eval</c>: the rules in file order at one timestamp (now
/// less the group's query offset), each rule's query sent to metrics-service; an alerting rule's due alerts go into
/// the alert intake (as posted alerts do), a recording rule's series are written back at once so later rules of the
/// group see them, and <c>ALERTS</c>/<c>ALERTS_FOR_STATE</c> are written last. Each write carries a stale marker for every
/// series the rule wrote last time and no longer does (<see cref="RuleStaleness"/>), and the evaluation ends with the
/// markers of rules removed from the group; a rule whose evaluation or write failed keeps its previous series for the
/// next comparison, as in Prometheus. <see cref="MarkGoneAsync"/> ends a removed group's series. If the intake refuses,
/// this throws and the caller must not save the new state, so the next evaluation sends again. Counted in
/// <c>airis.alerts.prometheus_rule_evaluations{kind, outcome}</c>.
/// </summary>
public sealed partial class PromGroupRunner
{
    private readonly IPromQueryClient _queries;
    private readonly ISeriesWriter _writer;
    private readonly IAlertIntake _intake;
    private readonly TimeProvider _time;
    private readonly IOptions<PromRuleOptions> _options;
    private readonly ILogger<PromGroupRunner> _logger;
    private readonly Counter<long> _evaluations;

    public PromGroupRunner(IPromQueryClient queries, ISeriesWriter writer, IAlertIntake intake, TimeProvider time, IOptions<PromRuleOptions> options,
        ILogger<PromGroupRunner> logger, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_queries, _writer, _intake, _time, _options, _logger) = (queries, writer, intake, time, options, logger);
        _evaluations = meters.Create("AirisEpm.Alerts").CreateCounter<long>(
            "airis.alerts.prometheus_rule_evaluations", description: "Prometheus rule evaluations by kind (alerting, recording) and outcome (ok, err)");
    }

    /// <summary>The group's interval: its own, else the global one, never below the minimum.</summary>
    public TimeSpan IntervalOf(PromRuleGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var interval = group.Interval is { } own && own > TimeSpan.Zero ? own : _options.Value.EvaluationInterval;
        return interval < _options.Value.MinEvaluationInterval ? _options.Value.MinEvaluationInterval : interval;
    }

    public async Task<PromGroupState> RunAsync(PromRuleGroup group, PromGroupState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(state);
        var options = _options.Value;
        var started = Stopwatch.GetTimestamp();
        var evaluatedAt = _time.GetUtcNow();
        var ts = DateTimeOffset.FromUnixTimeMilliseconds((evaluatedAt - (group.QueryOffset ?? TimeSpan.Zero)).ToUnixTimeMilliseconds());
        var context = new RuleEvaluationContext(ts, group.Limit, group.Labels, options.ExternalLabels, options.ExternalUrl, new Querier(_queries, ts, cancellationToken));
        var (aligned, orphaned) = state.Align(group);
        var statuses = aligned.ToList();
        var written = new HashSet<string>(StringComparer.Ordinal);
        var alertSamples = new List<PromSample>();
        var alertSeries = new Dictionary<int, IReadOnlyList<IReadOnlyDictionary<string, string>>>();
        for (var i = 0; i < group.Rules.Count; i++)
        {
            var ruleStarted = Stopwatch.GetTimestamp();
            var answer = await _queries.QueryAsync(group.Rules[i].Expr, ts, cancellationToken);
            switch (group.Rules[i])
            {
                case PromAlertingRule alerting:
                    var evaluated = AlertingRuleEvaluator.Evaluate(alerting, statuses[i].AlertingState, answer, context, Seconds(ruleStarted));
                    if (evaluated.Health.Health == PromRuleHealth.Ok)
                    {
                        (evaluated, var sent) = AlertSender.Due(evaluated, ts, options.ResendDelay, IntervalOf(group));
                        if (sent.Count > 0) await SubmitAsync(alerting, sent, cancellationToken);

                        List<PromSample> samples = [.. AlertSeries(evaluated.Alerts)];
                        alertSeries[i] = RuleStaleness.Written(samples, written);
                        alertSamples.AddRange(samples);
                        alertSamples.AddRange(RuleStaleness.Markers(statuses[i].Series, written));
                    }

                    statuses[i] = statuses[i] with { Health = evaluated.Health, Alerts = evaluated.Alerts };
                    Count("alerting", evaluated.Health, alerting.Name);
                    break;
                case PromRecordingRule recording:
                    var (series, health) = RecordingRuleEvaluator.Evaluate(recording, answer, context, Seconds(ruleStarted));
                    var status = statuses[i] with { Health = health with { EvaluationSeconds = Seconds(ruleStarted) } };
                    if (health.Health == PromRuleHealth.Ok)
                    {
                        var recorded = RuleStaleness.Written(series, written);
                        if (await WriteAsync([.. series, .. RuleStaleness.Markers(statuses[i].Series, written)], ts, recording.Name, cancellationToken))
                        {
                            status = status with { Series = recorded };
                        }
                    }

                    statuses[i] = status;
                    Count("recording", health, recording.Name);
                    break;
            }
        }

        if (await WriteAsync(alertSamples, ts, "ALERTS", cancellationToken))
        {
            foreach (var (i, series) in alertSeries) statuses[i] = statuses[i] with { Series = series };
        }

        var removed = RuleStaleness.Markers(orphaned, written);
        IReadOnlyList<IReadOnlyDictionary<string, string>> stale = removed.Count == 0 || await WriteAsync(removed, ts, "(removed rules)", cancellationToken) ? [] : orphaned;
        return new PromGroupState(ts, Seconds(started), statuses) { StaleSeries = stale };
    }

    /// <summary>
    /// The group is gone (its file replaced without it, or deleted): a stale marker, now, for every series its rules last
    /// wrote, as Prometheus marks a removed group's series. False when metrics-service did not take them.
    /// </summary>
    public async Task<bool> MarkGoneAsync(PromGroupState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var markers = RuleStaleness.Markers(state.AllSeries(), new HashSet<string>(StringComparer.Ordinal));
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        return markers.Count == 0 || await WriteAsync(markers, now, "(removed group)", cancellationToken);
    }

    /// <summary>
    /// Posts the sent alerts. One whose labels Alertmanager would refuse (a series label name outside
    /// <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, say) is dropped and logged, as Alertmanager drops it from a batch; the rest go in.
    /// </summary>
    private async Task SubmitAsync(PromAlertingRule rule, IReadOnlyList<PromAlert> sent, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var posted = new List<AirisEpm.AlertService.Domain.Alerts.PostedAlert>();
        foreach (var alert in sent.Select(a => PromAlertPosting.ToPosted(a, rule.Expr, options.ExternalLabels, options.ExternalUrl)))
        {
            if (alert.Validate() is { Count: > 0 } errors) LogDropped(_logger, rule.Name, string.Join("; ", errors));
            else posted.Add(alert);
        }

        if (posted.Count > 0) await _intake.SubmitAsync(posted, cancellationToken);
    }

    /// <summary>Prometheus's <c>ALERTS{alertstate}</c> = 1 and <c>ALERTS_FOR_STATE</c> = activeAt (Unix seconds) for every pending or firing alert.</summary>
    private static IEnumerable<PromSample> AlertSeries(IEnumerable<PromAlert> alerts)
    {
        foreach (var alert in alerts.Where(a => a.State != PromAlertState.Inactive))
        {
            var labels = new Dictionary<string, string>(alert.Labels, StringComparer.Ordinal) { ["__name__"] = "ALERTS", ["alertstate"] = alert.State == PromAlertState.Firing ? "firing" : "pending" };
            yield return new PromSample(labels, 1);
            yield return new PromSample(new Dictionary<string, string>(alert.Labels, StringComparer.Ordinal) { ["__name__"] = "ALERTS_FOR_STATE" }, alert.ActiveAt.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    // As Prometheus, a write that fails is logged; the rule's health is its evaluation's.
    private async Task<bool> WriteAsync(IReadOnlyList<PromSample> series, DateTimeOffset ts, string rule, CancellationToken cancellationToken)
    {
        try
        {
            await _writer.WriteAsync(series, ts, cancellationToken);
            return true;
        }
        catch (ServiceCallException ex)
        {
            LogWriteFailed(_logger, rule, series.Count, ex.Message);
            return false;
        }
    }

    private void Count(string kind, PromRuleHealth health, string rule)
    {
        _evaluations.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", health.Health));
        if (health.Health == PromRuleHealth.Err) LogRuleFailed(_logger, rule, health.LastError);
    }

    private static double Seconds(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating Prometheus rule {Rule} failed: {Error}")]
    private static partial void LogRuleFailed(ILogger logger, string rule, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An alert of rule {Rule} was dropped: {Errors}")]
    private static partial void LogDropped(ILogger logger, string rule, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} series of rule {Rule} to metrics-service failed: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, string rule, int count, string error);

    /// <summary>
    /// The template <c>query</c> function. Go template functions are synchronous, so this blocks on the query; it
    /// runs inside one actor turn on a pool thread, and a template makes at most a few such calls.
    /// </summary>
    private sealed class Querier(IPromQueryClient queries, DateTimeOffset ts, CancellationToken cancellationToken) : ITemplateQuerier
    {
        public IReadOnlyList<TemplateSample> Query(string expression)
        {
            var answer = queries.QueryAsync(expression, ts, cancellationToken).GetAwaiter().GetResult();
            return answer.Samples is { } samples
                ? samples.Select(s => new TemplateSample(s.Labels, s.Value)).ToList()
                : throw new GoTemplateException(answer.Error ?? "query failed");
        }
    }
}
