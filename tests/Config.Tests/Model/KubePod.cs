using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>
/// A Deployment read as the app it runs beside its Dapr sidecar: the app id and port from its annotations,
/// and the app's container (the one listening on that port, else the first).
/// </summary>
public sealed record KubePod(KubeObject Workload)
{
    public const string AppIdAnnotation = "dapr.io/app-id";
    public const string AppPortAnnotation = "dapr.io/app-port";
    public const string ConfigAnnotation = "dapr.io/config";

    public string? AppId => Workload.PodAnnotations.GetValueOrDefault(AppIdAnnotation);

    public int? AppPort => RunApp.Port(Workload.PodAnnotations.GetValueOrDefault(AppPortAnnotation));

    public string? ConfigName => Workload.PodAnnotations.GetValueOrDefault(ConfigAnnotation);

    public string? ServiceAccount => Workload.PodTemplate.Text("spec.serviceAccountName");

    public YamlNode? Container =>
        Workload.Containers.FirstOrDefault(c => c.Child("ports").Items().Any(p => RunApp.Port(p.Text("containerPort")) == AppPort))
        ?? (Workload.Containers.Count > 0 ? Workload.Containers[0] : null);

    public string ContainerField(string path) => Workload.Field($"containers[{Container.Text("name")}].{path}");

    /// <summary>A port given by number or by the name of one of the container's ports.</summary>
    public int? ResolvePort(string? port) =>
        RunApp.Port(port) ?? RunApp.Port(Container.Child("ports").Items().FirstOrDefault(p => p.Text("name") == port).Text("containerPort"));

    /// <summary>The container's env entry of that name, or null.</summary>
    public YamlNode? Env(string name) => Container.Child("env").Items().FirstOrDefault(e => e.Text("name") == name);

    public static IEnumerable<KubePod> All(KubeManifests manifests) => manifests.Deployments.Select(d => new KubePod(d));
}
