using AirisEpm.Config.Tests.Model;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Secret scoping, on Kubernetes and in compose: every Configuration denies <c>secretstore</c> by default (and,
/// on Kubernetes, Dapr's built-in <c>kubernetes</c> store), and the Configuration each app's sidecar takes lets
/// it read exactly the contract secrets it needs (<see cref="SecretContract.Needs"/>): the public key set for all, the
/// private signing key for token issuers only, and the AES key ring for the issuer that encrypts (alert-service) only.
/// </summary>
public static class SecretScopeRules
{
    public static IEnumerable<Finding> CheckKubernetes(KubeManifests manifests)
    {
        foreach (var configuration in manifests.OfKind("Configuration"))
        {
            foreach (var finding in CheckDefaults(configuration.File, configuration.Field("spec.secrets.scopes"), configuration.Root, kubernetes: true))
            {
                yield return finding;
            }
        }

        foreach (var pod in KubePod.All(manifests).Where(p => p.AppId is not null))
        {
            if (manifests.Find("Configuration", pod.ConfigName) is { } configuration)
            {
                var field = pod.Workload.Field($"annotations[{KubePod.ConfigAnnotation}]");
                foreach (var finding in CheckApp(pod.Workload.File, field, pod.AppId!, pod.ConfigName!, configuration.Root))
                {
                    yield return finding;
                }
            }
        }
    }

    public static IEnumerable<Finding> CheckCompose(ComposeFile compose, Repo repo)
    {
        foreach (var sidecar in compose.Services.Values.Where(s => s.Name.EndsWith(ComposeFile.SidecarSuffix, StringComparison.Ordinal)))
        {
            var config = sidecar.Flags().GetValueOrDefault("config");
            var host = config is null ? null : sidecar.HostPathOf(config, compose.File.Folder);
            if (host is null || !repo.FileExists(host))
            {
                continue;
            }

            var documents = YamlNodes.Documents(repo.Read(host).Text);
            YamlNode root = documents.Count > 0 ? documents[0] : new YamlMappingNode();
            var app = sidecar.Flags().GetValueOrDefault("app-id") ?? "";
            var field = $"services.{sidecar.Name}.command";
            foreach (var finding in CheckDefaults(host, "spec.secrets.scopes", root, kubernetes: false).Concat(CheckApp(compose.File.Path, field, app, host, root)))
            {
                yield return finding;
            }
        }
    }

    private static IEnumerable<Finding> CheckDefaults(string file, string field, YamlNode configuration, bool kubernetes)
    {
        var stores = kubernetes ? new[] { SecretContract.Store, SecretContract.BuiltInKubernetesStore } : [SecretContract.Store];
        foreach (var store in stores.Where(store => !SecretScoping.DeniesByDefault(configuration, store)))
        {
            yield return new(file, field, $"must scope store '{store}' with defaultAccess: deny");
        }

        if (kubernetes && SecretScoping.Scope(configuration, SecretContract.BuiltInKubernetesStore).Child("allowedSecrets").Strings().Count > 0)
        {
            yield return new(file, field, $"must allow nothing from '{SecretContract.BuiltInKubernetesStore}' (apps read through '{SecretContract.Store}')");
        }
    }

    private static IEnumerable<Finding> CheckApp(string file, string field, string app, string configName, YamlNode configuration)
    {
        var needs = SecretContract.Needs(app);
        foreach (var secret in SecretContract.Names)
        {
            var allowed = SecretScoping.Allows(configuration, SecretContract.Store, secret);
            if (allowed && !needs.Contains(secret))
            {
                yield return new(file, field,
                    $"'{configName}' lets {app} read '{secret}', which only {string.Join(", ", SecretContract.ReadersOf(secret))} may read");
            }
            else if (!allowed && needs.Contains(secret))
            {
                yield return new(file, field, $"'{configName}' keeps '{secret}' from {app}, which needs it");
            }
        }
    }
}
