using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// Around each app's Deployment: a Service named after the app id on the app port, selecting its pods; a
/// HorizontalPodAutoscaler on it that keeps at least two pods and owns the replica count (the Deployment sets
/// none); a PodDisruptionBudget over its pods. And the trace endpoint of every Configuration is such a Service.
/// </summary>
public static class WorkloadRules
{
    public const int MinimumReplicas = 2;

    public static IEnumerable<Finding> Check(KubeManifests manifests) =>
        KubePod.All(manifests).SelectMany(pod => CheckService(pod, manifests).Concat(CheckScaling(pod, manifests)))
            .Concat(CheckTraceEndpoints(manifests));

    private static IEnumerable<Finding> CheckService(KubePod pod, KubeManifests manifests)
    {
        var service = manifests.Find("Service", pod.AppId);
        var selects = service is not null && KubeManifests.Selects(KubeObject.Scalars(service.Root.At("spec.selector")), pod.Workload.PodLabels);
        var port = service?.Root.At("spec.ports").Items().FirstOrDefault(p => RunApp.Port(p.Text("port")) == pod.AppPort);
        if (!selects || port is null || pod.ResolvePort(port.Text("targetPort") ?? port.Text("port")) != pod.AppPort)
        {
            yield return new(pod.Workload.File, pod.Workload.Field("Service"),
                $"needs a Service named {pod.AppId} selecting its pods, with port {pod.AppPort} to the app port");
        }
    }

    private static IEnumerable<Finding> CheckScaling(KubePod pod, KubeManifests manifests)
    {
        var workload = pod.Workload;
        var autoscaler = manifests.OfKind("HorizontalPodAutoscaler").FirstOrDefault(h =>
            h.Root.Text("spec.scaleTargetRef.kind") == "Deployment" && h.Root.Text("spec.scaleTargetRef.name") == workload.Name);
        if (autoscaler is null)
        {
            yield return new(workload.File, workload.Field("HorizontalPodAutoscaler"), "no autoscaler targets this Deployment");
        }
        else if (workload.Root.Text("spec.replicas") is not null)
        {
            yield return new(workload.File, workload.Field("spec.replicas"), "is set under an autoscaler; every kubectl apply would reset the count");
        }
        else if (!int.TryParse(autoscaler.Root.Text("spec.minReplicas"), out var min) || min < MinimumReplicas
            || !int.TryParse(autoscaler.Root.Text("spec.maxReplicas"), out var max) || max < min)
        {
            yield return new(autoscaler.File, autoscaler.Field("spec.minReplicas"), $"must be at least {MinimumReplicas}, and maxReplicas no less");
        }

        var budget = manifests.OfKind("PodDisruptionBudget").FirstOrDefault(b =>
            KubeManifests.Selects(KubeObject.Scalars(b.Root.At("spec.selector.matchLabels")), workload.PodLabels));
        if (budget is null || (budget.Root.Text("spec.maxUnavailable") ?? budget.Root.Text("spec.minAvailable")) is null)
        {
            yield return new(workload.File, workload.Field("PodDisruptionBudget"), "no disruption budget (maxUnavailable or minAvailable) selects its pods");
        }
    }

    /// <summary>Sidecars send spans to "&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local:&lt;port&gt;" (OTLP): that Service must be here.</summary>
    private static IEnumerable<Finding> CheckTraceEndpoints(KubeManifests manifests)
    {
        const string field = "spec.tracing.otel.endpointAddress";
        foreach (var configuration in manifests.OfKind("Configuration"))
        {
            var endpoint = configuration.Root.Text(field);
            if (ConfigurationRules.OtlpEndpoint(endpoint) is not { } uri)
            {
                continue;
            }

            var service = manifests.Find("Service", uri.Host.Split('.')[0]);
            if (service is null || !service.Root.At("spec.ports").Items().Any(p => RunApp.Port(p.Text("port")) == uri.Port))
            {
                yield return new(configuration.File, configuration.Field(field), $"'{endpoint}' is no Service (and port) of {manifests.Source}");
            }
        }
    }
}
