using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>Resiliency targets name real app ids and declared components, and use policies that exist.</summary>
public static class ResiliencyRules
{
    private static readonly (string Key, string Section)[] PolicyKinds =
        [("timeout", "timeouts"), ("retry", "retries"), ("circuitBreaker", "circuitBreakers")];

    public static IEnumerable<Finding> Check(ResourceEnvironment environment)
    {
        var resiliencies = environment.Resources.Where(r => r.Kind == "Resiliency").ToList();
        if (resiliencies.Count == 0)
        {
            yield return new(environment.Folder, "kind", "no Resiliency resource");
        }

        var components = environment.Components.Select(c => c.Name).ToHashSet();
        foreach (var resiliency in resiliencies)
        {
            foreach (var finding in CheckRetries(resiliency).Concat(CheckTargets(resiliency, components)))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> CheckRetries(DaprResource resiliency)
    {
        foreach (var (name, policy) in resiliency.Root.At("spec.policies.retries").Entries())
        {
            foreach (var (field, _) in policy.Entries().Where(e => !DaprCatalog.RetryFields.Contains(e.Key)))
            {
                yield return new(resiliency.File, $"spec.policies.retries.{name}.{field}", "is not a Dapr retry field (ignored by the runtime)");
            }

            var kind = policy.Text("policy");
            if (kind is not null && !DaprCatalog.RetryPolicies.Contains(kind))
            {
                yield return new(resiliency.File, $"spec.policies.retries.{name}.policy", $"'{kind}' is neither constant nor exponential");
            }
        }
    }

    private static IEnumerable<Finding> CheckTargets(DaprResource resiliency, HashSet<string?> components)
    {
        foreach (var (app, target) in resiliency.Root.At("spec.targets.apps").Entries())
        {
            if (!AppIds.Platform.Contains(app))
            {
                yield return new(resiliency.File, $"spec.targets.apps.{app}", "is not an app id");
            }

            foreach (var finding in CheckPolicyRefs(resiliency, $"spec.targets.apps.{app}", target))
            {
                yield return finding;
            }
        }

        foreach (var (component, target) in resiliency.Root.At("spec.targets.components").Entries())
        {
            if (!components.Contains(component))
            {
                yield return new(resiliency.File, $"spec.targets.components.{component}", "is not a component declared in this environment");
            }

            foreach (var direction in new[] { "outbound", "inbound" })
            {
                foreach (var finding in CheckPolicyRefs(resiliency, $"spec.targets.components.{component}.{direction}", target.Child(direction)))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<Finding> CheckPolicyRefs(DaprResource resiliency, string field, YamlNode? target)
    {
        foreach (var (key, section) in PolicyKinds)
        {
            var name = target.Text(key);
            if (name is not null && resiliency.Root.At($"spec.policies.{section}").Child(name) is null)
            {
                yield return new(resiliency.File, $"{field}.{key}", $"'{name}' is not defined under spec.policies.{section}");
            }
        }
    }
}
