using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Each app container on Kubernetes: Production mode, the sidecar tokens from their Secrets, liveness and
/// readiness on /healthz at the app port, requests and limits, and a locked-down security context (non-root,
/// read-only root filesystem, no privilege escalation, no capabilities) with /tmp an emptyDir.
/// </summary>
public static class PodSpecRules
{
    public const string Environment = "Production";

    private static readonly (string Variable, string Secret)[] Tokens =
        [("APP_API_TOKEN", SecretContract.AppTokenSecret), ("DAPR_API_TOKEN", SecretContract.ApiTokenSecret)];

    public static IEnumerable<Finding> Check(KubeManifests manifests) =>
        KubePod.All(manifests).SelectMany(pod => CheckEnvironment(pod).Concat(CheckProbes(pod)).Concat(CheckResources(pod)).Concat(CheckSecurity(pod)));

    private static IEnumerable<Finding> CheckEnvironment(KubePod pod)
    {
        var file = pod.Workload.File;
        if (pod.Env("ASPNETCORE_ENVIRONMENT").Text("value") != Environment)
        {
            yield return new(file, pod.ContainerField("env[ASPNETCORE_ENVIRONMENT]"), $"must be {Environment}");
        }

        foreach (var (variable, secret) in Tokens)
        {
            var env = pod.Env(variable);
            if (env.Text("valueFrom.secretKeyRef.name") != secret || env.Text("valueFrom.secretKeyRef.key") != SecretContract.TokenKey)
            {
                yield return new(file, pod.ContainerField($"env[{variable}]"),
                    $"must come from the Secret {secret} (key {SecretContract.TokenKey}), the one the sidecar uses");
            }
        }
    }

    private static IEnumerable<Finding> CheckProbes(KubePod pod)
    {
        foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
        {
            var get = pod.Container.At($"{probe}.httpGet");
            if (get.Text("path") != Extensions.LivenessPath || pod.ResolvePort(get.Text("port")) != pod.AppPort)
            {
                yield return new(pod.Workload.File, pod.ContainerField(probe), $"must GET {Extensions.LivenessPath} on the app port {pod.AppPort}");
            }
        }
    }

    private static IEnumerable<Finding> CheckResources(KubePod pod)
    {
        foreach (var bound in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" }.Where(r => string.IsNullOrWhiteSpace(pod.Container.Text($"resources.{bound}.{r}"))))
            {
                yield return new(pod.Workload.File, pod.ContainerField($"resources.{bound}.{resource}"), "is missing");
            }
        }
    }

    private static IEnumerable<Finding> CheckSecurity(KubePod pod)
    {
        var container = pod.Container.Child("securityContext");
        var podContext = pod.Workload.PodTemplate.At("spec.securityContext");
        if ((container.Text("runAsNonRoot") ?? podContext.Text("runAsNonRoot")) != "true")
        {
            yield return new(pod.Workload.File, pod.ContainerField("securityContext.runAsNonRoot"), "must be true (here or for the pod)");
        }

        foreach (var (field, value) in new[] { ("allowPrivilegeEscalation", "false"), ("readOnlyRootFilesystem", "true") })
        {
            if (container.Text(field) != value)
            {
                yield return new(pod.Workload.File, pod.ContainerField($"securityContext.{field}"), $"must be {value}");
            }
        }

        if (!container.At("capabilities.drop").Strings().Contains("ALL"))
        {
            yield return new(pod.Workload.File, pod.ContainerField("securityContext.capabilities.drop"), "must drop ALL");
        }

        var tmp = pod.Container.Child("volumeMounts").Items().FirstOrDefault(m => m.Text("mountPath") == "/tmp").Text("name");
        var volume = pod.Workload.PodTemplate.At("spec.volumes").Items().FirstOrDefault(v => v.Text("name") == tmp);
        if (tmp is null || volume.Child("emptyDir") is null)
        {
            yield return new(pod.Workload.File, pod.ContainerField("volumeMounts[/tmp]"), "/tmp must be an emptyDir (the root filesystem is read-only)");
        }
    }
}
