using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Each Deployment under deploy/k8s runs one app of dapr.yaml beside a Dapr sidecar: the annotations that turn
/// the sidecar on and secure it, the app id and app port that dapr.yaml and docker-compose.yml give the app, and
/// a Configuration applied with it. Every app has a Deployment, and every component is scoped to deployed apps.
/// </summary>
public static class DaprAnnotationRules
{
    /// <summary>Annotations every app's pod carries, with the one value each may have.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fixed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dapr.io/enabled"] = "true",
        ["dapr.io/app-token-secret"] = SecretContract.AppTokenSecret,
        ["dapr.io/api-token-secret"] = SecretContract.ApiTokenSecret,
        ["dapr.io/enable-metrics"] = "true",
        ["dapr.io/log-as-json"] = "true",
        ["dapr.io/enable-app-health-check"] = "true",
        ["dapr.io/app-health-check-path"] = Extensions.LivenessPath,
        // Secrets are read through `secretstore` alone, whose reads the Configurations scope.
        ["dapr.io/disable-builtin-k8s-secret-store"] = "true",
    };

    public static IEnumerable<Finding> Check(KubeManifests manifests, RunFile run, ComposeFile compose)
    {
        var pods = KubePod.All(manifests).ToList();
        foreach (var finding in pods.SelectMany(pod => CheckPod(pod, manifests, run, compose)))
        {
            yield return finding;
        }

        var deployed = pods.Select(p => p.AppId).ToHashSet();
        foreach (var app in run.Apps.Where(a => a.AppId is not null && !deployed.Contains(a.AppId)))
        {
            yield return new(manifests.Source, "Deployment", $"no Deployment runs {app.AppId} (dapr.io/app-id)");
        }

        foreach (var component in manifests.OfKind("Component"))
        {
            foreach (var scope in component.Root.Child("scopes").Strings().Where(s => !deployed.Contains(s)))
            {
                yield return new(component.File, component.Field("scopes"), $"'{scope}' is the app id of no Deployment in {manifests.Source}");
            }
        }
    }

    private static IEnumerable<Finding> CheckPod(KubePod pod, KubeManifests manifests, RunFile run, ComposeFile compose)
    {
        var workload = pod.Workload;
        var annotations = workload.PodAnnotations;
        foreach (var (key, value) in Fixed.Where(pair => annotations.GetValueOrDefault(pair.Key) != pair.Value))
        {
            yield return new(workload.File, workload.Field($"annotations[{key}]"), $"must be \"{value}\"");
        }

        var app = run.Apps.FirstOrDefault(a => a.AppId is not null && a.AppId == pod.AppId);
        if (app is null)
        {
            yield return new(workload.File, workload.Field($"annotations[{KubePod.AppIdAnnotation}]"), $"'{pod.AppId}' is not an appID of dapr.yaml");
            yield break;
        }

        var composePort = RunApp.Port(compose.Service(app.AppId + ComposeFile.SidecarSuffix)?.Flags().GetValueOrDefault("app-port"));
        if (pod.AppPort is null || pod.AppPort != app.AppPort || pod.AppPort != composePort)
        {
            yield return new(workload.File, workload.Field($"annotations[{KubePod.AppPortAnnotation}]"),
                $"is {pod.AppPort}; dapr.yaml says {app.AppPort}, docker-compose.yml's sidecar {composePort}");
        }

        if (!pod.Container.Child("ports").Items().Any(p => RunApp.Port(p.Text("containerPort")) == app.AppPort))
        {
            yield return new(workload.File, workload.Field("containers"), $"no container port is {app.AppPort}, the app port");
        }

        if (manifests.Find("Configuration", pod.ConfigName) is null)
        {
            yield return new(workload.File, workload.Field($"annotations[{KubePod.ConfigAnnotation}]"),
                $"'{pod.ConfigName}' names no Configuration applied with it");
        }
    }
}
