namespace AirisEpm.AlertService.Escalation;

/// <summary>Escalation policies may name only receivers that exist: checked when a policy is PUT and when the configuration is.</summary>
public static class PolicyReceivers
{
    /// <summary>Per offending step (<c>steps[i].receivers</c>), the receivers of <paramref name="policy"/> that <paramref name="exists"/> denies.</summary>
    public static Dictionary<string, string[]> Unknown(EscalationPolicy policy, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(exists);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            var unknown = policy.Steps[i].Receivers.Where(r => !exists(r)).ToList();
            if (unknown.Count > 0)
            {
                errors[$"steps[{i}].receivers"] = [$"Unknown receiver(s): {string.Join(", ", unknown)}."];
            }
        }

        return errors;
    }

    /// <summary>The configuration's problems: each stored policy step naming a receiver it does not define.</summary>
    public static Dictionary<string, string[]> MissingFrom(IEnumerable<EscalationPolicy> policies, IReadOnlyCollection<string> receivers)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var errors = new Dictionary<string, string[]>();
        foreach (var policy in policies)
        {
            foreach (var (step, problem) in Unknown(policy, receivers.Contains))
            {
                errors[$"receivers (escalation policy '{policy.Name}' {step})"] =
                    [$"{problem[0]} The policy names them, so the configuration must keep them (change the policy first)."];
            }
        }

        return errors;
    }
}
