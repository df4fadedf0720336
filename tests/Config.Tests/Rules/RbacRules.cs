using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// The Kubernetes side of least privilege: each app runs as its own ServiceAccount, whose Roles let its sidecar
/// <c>get</c> exactly the Secrets it reads (those its components reference, and its contract secrets) and
/// nothing else: no list or watch, which return every Secret of the namespace, and no unnamed Secret.
/// </summary>
public static class RbacRules
{
    public static IEnumerable<Finding> Check(KubeManifests manifests) =>
        KubePod.All(manifests).Where(p => p.AppId is not null).SelectMany(pod => CheckPod(pod, manifests));

    private static IEnumerable<Finding> CheckPod(KubePod pod, KubeManifests manifests)
    {
        var workload = pod.Workload;
        var account = pod.ServiceAccount;
        if (account is null or "default" || manifests.Find("ServiceAccount", account) is null)
        {
            yield return new(workload.File, workload.Field("serviceAccountName"), $"'{account}' must be a ServiceAccount of its own, declared here");
            yield break;
        }

        var roles = manifests.OfKind("RoleBinding")
            .Where(b => b.Root.Child("subjects").Items().Any(s => s.Text("kind") == "ServiceAccount" && s.Text("name") == account))
            .Select(b => manifests.Find(b.Root.Text("roleRef.kind") ?? "", b.Root.Text("roleRef.name")))
            .OfType<KubeObject>()
            .ToList();
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            foreach (var rule in role.Root.Child("rules").Items().Where(r => r.Child("resources").Strings().Contains("secrets")))
            {
                var names = rule.Child("resourceNames").Strings();
                if (names.Count == 0 || rule.Child("verbs").Strings().Any(v => v != "get"))
                {
                    yield return new(role.File, role.Field("rules"), "may only get named Secrets (resourceNames, verb get)");
                }

                granted.UnionWith(names);
            }
        }

        var needed = Needed(pod.AppId!, manifests);
        foreach (var (secret, reader) in needed.Where(n => !granted.Contains(n.Key)))
        {
            yield return new(workload.File, workload.Field("serviceAccountName"), $"{account} may not get Secret '{secret}', which {reader} reads");
        }

        foreach (var secret in granted.Where(s => !needed.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            yield return new(roles.First().File, roles.First().Field("rules"), $"grants Secret '{secret}', which nothing of {pod.AppId} reads");
        }
    }

    /// <summary>Each Secret the app's sidecar reads, with who reads it: a component scoped to the app, or the app.</summary>
    private static Dictionary<string, string> Needed(string app, KubeManifests manifests)
    {
        var needed = SecretContract.Needs(app).ToDictionary(s => s, _ => app, StringComparer.Ordinal);
        foreach (var component in manifests.OfKind("Component").Where(c => c.Root.Child("scopes").Strings().Contains(app)))
        {
            foreach (var name in component.Root.At("spec.metadata").Items().Select(m => m.Text("secretKeyRef.name")).OfType<string>())
            {
                needed.TryAdd(name, $"component {component.Name}");
            }
        }

        return needed;
    }
}
