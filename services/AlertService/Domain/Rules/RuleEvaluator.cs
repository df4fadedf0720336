using System.Globalization;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// The pure rule state machine. One call per evaluation:
/// <code>
///            true                    true for ≥ `for`
///  Inactive ──────► Pending(since) ─────────────────► Firing(since) ──┐ false for ≥ keep_firing_for
///     ▲               │ false                            ▲   │         │ → resolved alert sent
///     └───────────────┘                                  └───┘ true    ▼
///                                                                  Inactive
/// </code>
/// Error (and no data under <see cref="NoDataPolicy.KeepLastState"/>) changes only the health:
/// the phase stays, and a firing rule re-sends its alert so Alertmanager does not time it out.
/// </summary>
public static class RuleEvaluator
{
    public static RuleStep Step(RuleDefinition rule, RuleState state, TreeResult result, DateTimeOffset now)
    {
        var step = StepPhase(rule, state with { LastEvaluatedAt = now }, result, now);
        return step with { Alerts = [.. step.Alerts, .. EvaluationFailureAlert.For(rule, state, step.State, now)] };
    }

    private static RuleStep StepPhase(RuleDefinition rule, RuleState state, TreeResult result, DateTimeOffset now)
    {
        var outcome = result.Outcome;
        if (outcome == ConditionOutcome.NoData && rule.NoData == NoDataPolicy.Inactive) outcome = ConditionOutcome.False;
        return outcome switch
        {
            ConditionOutcome.Error => Hold(rule, state with { Health = RuleHealth.Failed, LastError = result.Error, ConsecutiveFailures = state.ConsecutiveFailures + 1 }, now),
            ConditionOutcome.NoData => Hold(rule, state with { Health = RuleHealth.NoData, LastError = null, ConsecutiveFailures = 0 }, now),
            ConditionOutcome.True => WhenTrue(rule, Healthy(state, result), now),
            _ => WhenFalse(rule, Healthy(state, result), now),
        };
    }

    private static RuleState Healthy(RuleState s, TreeResult r) =>
        s with { Health = RuleHealth.Ok, LastError = null, ConsecutiveFailures = 0, LastValue = r.Value ?? s.LastValue };

    private static RuleStep Hold(RuleDefinition rule, RuleState state, DateTimeOffset now) =>
        new(state, state.Phase == RulePhase.Firing ? [FiringAlert(rule, state, now)] : []);

    private static RuleStep WhenTrue(RuleDefinition rule, RuleState state, DateTimeOffset now)
    {
        var since = state.Phase == RulePhase.Inactive ? now : state.ActiveSince ?? now;
        state = state with { ActiveSince = since, KeepFiringSince = null };
        if (state.Phase != RulePhase.Firing && now - since >= rule.For)
        {
            state = state with { Phase = RulePhase.Firing, FiringSince = now };
        }
        else if (state.Phase == RulePhase.Inactive)
        {
            state = state with { Phase = RulePhase.Pending };
        }
        return Hold(rule, state, now);
    }

    private static RuleStep WhenFalse(RuleDefinition rule, RuleState state, DateTimeOffset now)
    {
        if (state.Phase == RulePhase.Firing)
        {
            var keepSince = state.KeepFiringSince ?? now;
            if (now - keepSince < rule.KeepFiringFor) return Hold(rule, state with { KeepFiringSince = keepSince }, now);
            var resolved = FiringAlert(rule, state, now) with { EndsAt = now };
            return new RuleStep(Reset(state), [resolved]);
        }
        return new RuleStep(Reset(state), []);
    }

    private static RuleState Reset(RuleState s) =>
        s with { Phase = RulePhase.Inactive, ActiveSince = null, FiringSince = null, KeepFiringSince = null };

    private static PostedAlert FiringAlert(RuleDefinition rule, RuleState state, DateTimeOffset now)
    {
        var labels = rule.AlertLabels;
        var annotations = RuleAnnotations.Expand(rule, labels, state.LastValue, now);
        if (state.LastValue is { } v) annotations = annotations.Append(KeyValuePair.Create("value", v.ToString(CultureInfo.InvariantCulture)));
        return new PostedAlert(labels, LabelSet.From(annotations), state.ActiveSince ?? now, now + rule.AlertValidity);
    }
}
